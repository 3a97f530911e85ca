/** What global-setup prepared for this jest run, handed to test files through the environment. */
export interface TestRun {
  readonly runId: string;
  /** URL of the PostgreSQL server's maintenance database. */
  readonly postgresServerUrl: string;
  /** A database with every migration applied, copied for each test file. */
  readonly templateDatabase: string;
  /** The same, with the reference data (ROME 4.0, communes) imported. */
  readonly referentialTemplateDatabase: string;
  readonly redisUrl: string;
  readonly meiliUrl: string;
  readonly meiliMasterKey: string;
  readonly tmpDir: string;
}

export const TEST_RUN_VARIABLE = 'PASSERELLE_TEST_RUN';

export function currentTestRun(): TestRun {
  const raw = process.env[TEST_RUN_VARIABLE];
  if (!raw)
    throw new Error(`${TEST_RUN_VARIABLE} is not set: e2e tests run through jest's e2e project (npm run test:e2e)`);
  return JSON.parse(raw) as TestRun;
}

/** Refuses anything but a database whose name says it is a test database. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/.test(name)) throw new Error(`refusing to use database ${name}: test database names contain "test"`);
}
