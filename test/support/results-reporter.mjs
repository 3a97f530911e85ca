// Writes jest's aggregated results as JSON to $PASSERELLE_TEST_RESULTS, so .ci/run can print
// `tests: N passed, N failed` from jest's own counts whatever command line ran the tests.
import { writeFileSync } from 'node:fs';

export default class ResultsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.PASSERELLE_TEST_RESULTS;
    if (!file) return;
    const summary = {
      numTotalTests: results.numTotalTests,
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests,
      numFailedTestSuites: results.numFailedTestSuites,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      success: results.success,
      failures: results.testResults
        .filter((suite) => suite.numFailingTests > 0 || suite.testExecError)
        .map((suite) => ({
          file: suite.testFilePath,
          error: suite.testExecError?.message,
          tests: suite.testResults.filter((t) => t.status === 'failed').map((t) => t.fullName),
        })),
    };
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
