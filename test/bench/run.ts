import 'reflect-metadata';
import { ingestionBench } from './ingestion.bench.js';
import { writeResults } from './bench-env.js';

/**
 * `npm run bench`: every benchmark, each compared with a baseline measured in the same run, results
 * as JSON under bench-results/. BENCH_OFFERS sets the size of the ingestion benchmark (100,000).
 */
async function main(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const offers = Number(process.env.BENCH_OFFERS ?? 100_000);
  const ingestion = await ingestionBench(offers, log);
  const file = await writeResults('ingestion', {
    measuredAt: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length },
    ingestion,
  });
  const e = ingestion.endToEnd;
  const lines = [
    '',
    `ingestion end to end   ${ingestion.offers} offers in ${e.seconds} s = ${e.offersPerSecond} offers/s (target ≥ 1,000)`,
    `  baseline (fetch + JSON.parse only) ${e.baselineOffersPerSecond} offers/s; pipeline is ${e.ratioToBaseline}× the baseline time`,
    `  created ${e.created}, rejected ${e.rejected}, outbox rows ${e.outboxRows}`,
    `  memory: RSS ${ingestion.memory.startRssMb} → peak ${ingestion.memory.peakRssMb} MB; heap ${ingestion.memory.heapAtQuarterMb} MB at 25 % → ${ingestion.memory.heapAtEndMb} MB at the end`,
    `  second run (all unchanged): ${ingestion.secondRun.seconds} s, ${ingestion.secondRun.unchanged} unchanged`,
    `HTML parser (one core)  ${ingestion.htmlParser.pagesPerSecond} pages/s (target ≥ 300); cheerio load alone ${ingestion.htmlParser.cheerioLoadOnlyPagesPerSecond} pages/s (${ingestion.htmlParser.ratioToCheerioLoad}×)`,
    `normalisation           ${ingestion.htmlParser.normalisePerSecond} offers/s`,
    `results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
