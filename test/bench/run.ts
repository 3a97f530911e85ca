import 'reflect-metadata';
import { candidatesBench } from './candidates.bench.js';
import { indicatorsBench } from './indicators.bench.js';
import { ingestionBench } from './ingestion.bench.js';
import { matchingBench } from './matching.bench.js';
import { type WebBenchResult, webBench } from './web.bench.js';
import { mergeResults, writeResults } from './bench-env.js';

/**
 * `npm run bench`: every benchmark, each compared with a baseline measured in the same run, results
 * as JSON under bench-results/. BENCH_OFFERS sets the size of the ingestion benchmark (100,000).
 */
async function main(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const offers = Number(process.env.BENCH_OFFERS ?? 100_000);
  const only = process.env.BENCH_ONLY;
  if (only === 'matching') {
    await runMatching(log);
    return;
  }
  if (only === 'indicators') {
    await runIndicators(log);
    process.exit(0);
  }
  if (only === 'web') {
    await runWeb(log);
    process.exit(0);
  }
  if (only === 'candidates') {
    await runCandidates(log);
    process.exit(0);
  }
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
  if (only !== 'ingestion') {
    await runIndicators(log);
    await runCandidates(log);
    await runWeb(log);
    await runMatching(log);
  }
  process.exit(0);
}

/** BENCH_PEOPLE sets the size of the indicators benchmark (10,000 beneficiaries, ~10 events each). */
async function runIndicators(log: (line: string) => void): Promise<void> {
  const result = await indicatorsBench(Number(process.env.BENCH_PEOPLE ?? 10_000), log);
  const file = await writeResults('indicators', { measuredAt: new Date().toISOString(), indicators: result });
  const lines = [
    '',
    `indicators: ${result.beneficiaries} beneficiaries, ${result.events} events (seeded in ${result.seedSeconds} s), ${result.runs} runs`,
    `  one structure tree, a year:  p50 ${result.structure.p50Ms} ms, max ${result.structure.maxMs} ms (target < ${result.targetMs} ms)`,
    `  grouped by coach:            p50 ${result.byCoach.p50Ms} ms, max ${result.byCoach.maxMs} ms`,
    `  grouped by home commune:     p50 ${result.byCommune.p50Ms} ms, max ${result.byCommune.maxMs} ms`,
    `  baseline aggregate scan:     p50 ${result.baseline.p50Ms} ms; indicators ${result.ratioToBaseline}× the baseline`,
    `results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** BENCH_CANDIDATE_PEOPLE (1,600: forty full portfolios) and BENCH_CANDIDATE_OFFERS (5,000) size reverse matching. */
async function runCandidates(log: (line: string) => void): Promise<void> {
  const result = await candidatesBench(
    Number(process.env.BENCH_CANDIDATE_OFFERS ?? 5_000),
    Number(process.env.BENCH_CANDIDATE_PEOPLE ?? 1_600),
    log,
  );
  const file = await writeResults('candidates', { measuredAt: new Date().toISOString(), candidates: result });
  const lines = [
    '',
    `candidates for an offer: ${result.people} people in coaching, ${result.offersIndexed} offers, ${result.runs} offers asked`,
    `  ranked by the matcher (best 20):  p50 ${result.candidates.p50Ms} ms, max ${result.candidates.maxMs} ms (${result.ranked.min}–${result.ranked.max} listed)`,
    `  baseline, as many one-document Meilisearch searches in the same batches: p50 ${result.baseline.p50Ms} ms; ${result.ratioToBaseline}× the baseline`,
    `results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * BENCH_WEB_RUNS (20) page loads after a warm-up one, in each of BENCH_WEB_ROUNDS (3) fresh browser contexts;
 * a page's p50 and p95 are the medians of the rounds' own, with their range. Written to bench-results/web.json
 * beside what the browser test web-app.e2e-spec writes there (its keys are kept).
 */
async function runWeb(log: (line: string) => void): Promise<void> {
  const result = await webBench(
    Number(process.env.BENCH_WEB_RUNS ?? 20),
    Number(process.env.BENCH_WEB_ROUNDS ?? 3),
    log,
  );
  const file = await mergeResults('web', { measuredAt: new Date().toISOString(), web: result });
  const range = (s: { p50Ms: number; minMs: number; maxMs: number }): string =>
    `p50 ${s.p50Ms} ms (${s.minMs}–${s.maxMs})`;
  const timing = (p: WebBenchResult['matchesPage']): string =>
    `p50 ${p.p50Ms} ms (rounds ${p.p50RangeMs.min}–${p.p50RangeMs.max}), p95 ${p.p95Ms} ms (rounds ${p.p95RangeMs.min}–${p.p95RangeMs.max}); JavaScript before content ${p.js.beforeContentBytes} B in ${p.js.beforeContentFiles} files (${p.js.beforeContentGzipBytes} B gzip), ${p.js.afterIdleBytes} B once idle`;
  const lines = [
    '',
    `web (Chromium, demo data, ${result.offersIndexed} offers indexed, ${result.rounds} rounds of ${result.runs} loads each, median of the rounds; target ${result.targetMs} ms):`,
    `  matched offers page, navigation to the first offer on screen: ${timing(result.matchesPage)}`,
    `  baseline, the API call it waits for alone:                    ${range(result.matchesApi)}; the page is ${result.ratioPageToApi}× the call`,
    `  portfolio page, navigation to its rows on screen:             ${timing(result.portfolioPage)}`,
    `  person's space on a 390-px phone, one load: ${result.personSpacePage.requests} requests, HTML ${result.personSpacePage.htmlBytes} B, CSS ${result.personSpacePage.styleBytes} B, JavaScript ${result.personSpacePage.scriptBytes} B (budget ${result.personSpacePage.scriptBudgetBytes} B), ${result.personSpacePage.totalBytes} B in all`,
    `results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * BENCH_MATCH_OFFERS sets the size of the matching benchmark (200,000), BENCH_ROUNDS its rounds (3),
 * BENCH_INDEX_ROUNDS those of the indexing figures alone (BENCH_ROUNDS): the searches' rounds then
 * cost minutes, not three full indexings.
 */
async function runMatching(log: (line: string) => void): Promise<void> {
  const matching = await matchingBench(Number(process.env.BENCH_MATCH_OFFERS ?? 200_000), log, {
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    indexRounds: process.env.BENCH_INDEX_ROUNDS ? Number(process.env.BENCH_INDEX_ROUNDS) : undefined,
  });
  const file = await writeResults('matching', { measuredAt: new Date().toISOString(), matching });
  const range = (r: { median: number; min: number; max: number }): string => `${r.median} (${r.min}–${r.max})`;
  const search = (f: typeof matching.concurrency1): string =>
    `concurrency ${f.concurrency}: API p50 ${f.api.p50Ms} / p95 ${f.api.p95Ms} ms, plain p50 ${f.plain.p50Ms} / p95 ${f.plain.p95Ms} ms, API / plain at p95 ${f.ratioP95VsPlain}× (by round ${range(f.ratioP95VsPlainByRound)}; target ≤ 1.5×); the API's own Meilisearch request (window of 100) p50 ${f.window.p50Ms} / p95 ${f.window.p95Ms} ms: API / window ${f.ratioP95VsWindow}×, window / plain ${f.windowRatioP95VsPlain}×; pauses ${JSON.stringify(f.pauses)}; process CPU per request (ms) ${JSON.stringify(f.cpuMsPerRequest)}`;
  const lines = [
    '',
    `matching: ${matching.indexed} offers indexed (ingest ${matching.ingestSeconds} s), ${matching.rounds} rounds (indexing: ${matching.indexRounds}), median (range)`,
    `  first indexing through the outbox: ${range(matching.initialIndex.seconds)} s, ${range(matching.initialIndex.ratioVsRaw)}× raw (target ≤ 1.25×)`,
    `  full reindex with swap: ${range(matching.reindex.secondsByRound)} s; raw Meilisearch indexing of the same documents ${range(matching.reindex.rawSecondsByRound)} s; ${range(matching.reindex.ratioVsRawByRound)}× raw (target ≤ 1.25×)`,
    `  matched search ${search(matching.concurrency1)}`,
    `  matched search ${search(matching.concurrency8)}`,
    `  candidates for an offer among ${matching.candidates.people} people: p50 ${matching.candidates.p50Ms} ms, one matched search p50 ${matching.candidates.matchedSearchP50Ms} ms: ${matching.candidates.ratioP50VsMatchedSearch}× (by round ${range(matching.candidates.ratioP50VsMatchedSearchByRound)}; target ≤ 1×); one search per person (before) p50 ${matching.candidates.bySearchP50Ms} ms`,
    `results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
