import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import {
  APP_CONFIG,
  awaitTask,
  createMeiliClient,
  freePort,
  type ResolvedConfig,
  SearchIndexes,
} from '@passerelle/core';
import { DEMO_JOBS } from '@passerelle/demo';
import { CreateUser, EnsureFirstAdmin, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import {
  MATCH_WINDOW,
  MatchOffers,
  OfferDocuments,
  offerDocumentsNdjson,
  OFFERS_INDEX,
  ReindexOffers,
  type ReindexReport,
  ScoreOfferForPeople,
  SyncOffersIndex,
  type MatchingProfile,
} from '@passerelle/matching';
import { ListOfferCandidates } from '@passerelle/mediation';
import { ImportReferential } from '@passerelle/referential';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { benchEnvironment } from './bench-env.js';
import { seedPortfolios } from './candidates.bench.js';
import { franceTravailSource, startRemoteDemo } from './remote-demo.js';

interface Timing {
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** A figure measured once per round: its median and range over the rounds, and each round's value. */
export interface Repeated {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number[];
}

export interface SearchFigures {
  readonly concurrency: number;
  readonly requestsPerRound: number;
  /** `POST /matching/search` (limit 20), as the web app calls it. */
  readonly api: Timing;
  /** The plain Meilisearch vector search a user would pick instead: same vector and filters, limit 20. */
  readonly plain: Timing;
  /**
   * The Meilisearch request the API itself sends (the window: limit 100, ids, stamps and ranking
   * scores), timed the same way: API / window is the API's own overhead, window / plain the window's.
   */
  readonly window: Timing;
  readonly ratioP95VsPlain: number;
  readonly ratioP95VsWindow: number;
  readonly windowRatioP95VsPlain: number;
  /** The ratio in each round (median and range above is over these). */
  readonly ratioP95VsPlainByRound: Repeated;
  /** What paused the bench's process (where the API runs) during this series. */
  readonly pauses: PauseFigures;
  /**
   * CPU time of the bench's process (user + system) per request, over each kind's blocks: for `api`
   * the API and its HTTP client, for `plain` and `window` the Meilisearch client alone.
   */
  readonly cpuMsPerRequest: {
    readonly api: CpuPerRequest;
    readonly plain: CpuPerRequest;
    readonly window: CpuPerRequest;
  };
}

/** CPU time per request in milliseconds, and how much of it the kernel's (socket writes and reads). */
export interface CpuPerRequest {
  readonly totalMs: number;
  readonly systemMs: number;
}

/** Garbage collections and event-loop delay in the API's process while the searches ran. */
export interface PauseFigures {
  /** Collections by kind (minor: the young generation's scavenges; major: mark-compact). */
  readonly gc: Record<string, { readonly count: number; readonly totalMs: number; readonly maxMs: number }>;
  /** The API requests' p95 with the collections that overlapped each request taken out. */
  readonly apiP95LessGcMs: number;
  /** Share of the API requests above the series' p95 that overlapped a collection. */
  readonly slowApiWithGc: number;
  readonly eventLoopDelay: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
}

export interface MatchingBenchResult {
  readonly offers: number;
  readonly indexed: number;
  readonly rounds: number;
  /** Rounds of the indexing figures (first indexing, reindex, raw): `rounds` unless set apart. */
  readonly indexRounds: number;
  readonly ingestSeconds: number;
  /** Every offer through the outbox into an empty index, as after the first ingestion. */
  readonly initialIndex: {
    readonly seconds: Repeated;
    readonly ratioVsRaw: Repeated;
    /** Meilisearch's batches during each round's first indexing. */
    readonly batchesByRound: BatchSummary[];
  };
  /** A full reindex with swap, against raw Meilisearch indexing of the same documents. */
  readonly reindex: {
    readonly seconds: number;
    readonly rawSeconds: number;
    readonly ratioVsRaw: number;
    readonly secondsByRound: Repeated;
    readonly rawSecondsByRound: Repeated;
    readonly ratioVsRawByRound: Repeated;
    /** Each round's reindex phases (ReindexReport.phases) and Meilisearch's batches meanwhile. */
    readonly phasesByRound: Array<ReindexReport['phases']>;
    readonly batchesByRound: BatchSummary[];
    /** Each round's raw indexing: the untimed build of its documents, and Meilisearch's batches. */
    readonly rawByRound: Array<{ readonly buildSeconds: number; readonly batches: BatchSummary }>;
  };
  readonly concurrency1: SearchFigures;
  readonly concurrency8: SearchFigures;
  /** Candidates for an offer among `people` in coaching, against one matched search (both use cases). */
  readonly candidates: {
    readonly people: number;
    readonly offersAsked: number;
    readonly p50Ms: number;
    readonly matchedSearchP50Ms: number;
    readonly ratioP50VsMatchedSearch: number;
    /** The ratio of each round's p50s (ten offers each): median and range. */
    readonly ratioP50VsMatchedSearchByRound: Repeated;
    /** The previous design, one Meilisearch search per person (multi-search batches), for scale. */
    readonly bySearchP50Ms: number;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

function repeated(runs: number[]): Repeated {
  const sorted = [...runs].sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    median: round(sorted[Math.floor((sorted.length - 1) / 2)]),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: runs.map(round),
  };
}

async function concurrently(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const timings: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        const started = performance.now();
        await task(i);
        timings.push(performance.now() - started);
      }
    }),
  );
  return timings;
}

/** Documents per raw indexing request: the reindex's page. */
const RAW_PAGE = 5_000;

const COMMUNES = ['59350', '59512', '59599', '59183', '62041', '62193', '67482', '68224', '68066', '59606'];

/** What a result list shows of an offer: what the plain search retrieves. */
const LIST_ATTRIBUTES = [
  'id',
  'title',
  'employerName',
  'communeName',
  'postalCode',
  'placeLabel',
  'contractType',
  'workingTime',
  'romeLabel',
  'publishedAt',
  '_geo',
];

/**
 * `offers` offers ingested once; then, `rounds` times: every offer indexed through the outbox into
 * an empty index, a full reindex with swap, and raw Meilisearch indexing of the same documents (the
 * baseline); matched searches through the HTTP API at concurrency 1 and 8, interleaved with the plain
 * Meilisearch vector search of the same vector and filters (limit 20, the baseline). Last, candidates
 * for ten offers among `people` in coaching, against one matched search through the same use cases.
 */
export async function matchingBench(
  offers: number,
  log: (line: string) => void,
  options: { rounds?: number; indexRounds?: number; people?: number } = {},
): Promise<MatchingBenchResult> {
  const rounds = options.rounds ?? 3;
  const indexRounds = options.indexRounds ?? rounds;
  const people = options.people ?? 1_600;
  const env = await benchEnvironment('matching');
  const demo = await startRemoteDemo(offers);
  let app: INestApplicationContext | undefined;
  try {
    const api = await createApiApp(env.config, { service: 'bench', extraModules: [] });
    app = api;
    const db = api.get(DataSource);
    const meili = api.get(Meilisearch);
    const indexes = api.get(SearchIndexes);
    const uid = indexes.uid(OFFERS_INDEX.name);
    const timeout = env.config.meilisearch.taskTimeoutMs;
    log('bench matching: reference data');
    await api.get(ImportReferential).execute();
    await api.get(ManageSources).upsert(franceTravailSource(demo));
    log(`bench matching: ingesting ${offers} offers`);
    let started = performance.now();
    await api.get(RunIngestion).execute('france-travail-demo', { trigger: 'cli' });
    const ingestSeconds = (performance.now() - started) / 1000;
    log(`bench matching: ingested in ${Math.round(ingestSeconds)} s`);
    const sync = api.get(SyncOffersIndex);
    await sync.prepare();

    const initial: number[] = [];
    const reindexRuns: number[] = [];
    const rawRuns: number[] = [];
    const initialBatches: BatchSummary[] = [];
    const reindexPhases: Array<ReindexReport['phases']> = [];
    const reindexBatches: BatchSummary[] = [];
    const rawDetails: Array<{ buildSeconds: number; batches: BatchSummary }> = [];
    let indexed = 0;
    for (let round = 1; round <= indexRounds; round += 1) {
      // The first indexing: every open offer in the outbox, the index empty.
      await awaitTask(meili, meili.index(uid).deleteAllDocuments(), timeout);
      await db.query(`DELETE FROM offer_outbox`);
      await db.query(`INSERT INTO offer_outbox (offer_id) SELECT id FROM offer ORDER BY id`);
      let since = new Date();
      started = performance.now();
      await sync.execute();
      initial.push((performance.now() - started) / 1000);
      initialBatches.push(await batchesSince(env.config, since));
      log(`bench matching: round ${round}, indexed from the outbox in ${initial.at(-1)!.toFixed(1)} s`);

      since = new Date();
      const reindexProfiler = await startProfiler();
      started = performance.now();
      const reindex = await api.get(ReindexOffers).execute();
      reindexRuns.push((performance.now() - started) / 1000);
      await reindexProfiler.stop(`reindex-${round}`);
      indexed = reindex.documents;
      reindexPhases.push(reindex.phases);
      reindexBatches.push(await batchesSince(env.config, since));
      log(`bench matching: round ${round}, reindex phases ${JSON.stringify(reindex.phases)}`);
      log(
        `bench matching: round ${round}, reindexed ${reindex.documents} offers in ${reindexRuns.at(-1)!.toFixed(1)} s`,
      );

      const raw = await rawIndexing(api, uid, timeout);
      rawRuns.push(raw.seconds);
      rawDetails.push({ buildSeconds: raw.buildSeconds, batches: raw.batches });
      log(
        `bench matching: round ${round}, raw Meilisearch indexing of the same documents in ${rawRuns.at(-1)!.toFixed(1)} s`,
      );
    }

    const port = await freePort();
    await api.listen(port, '127.0.0.1');
    await api
      .get(EnsureFirstAdmin)
      .execute({ email: 'bench@passerelle.local', password: 'correct horse battery staple' });
    const coach = await api.get(CreateUser).execute(
      { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] },
      {
        email: 'coach@bench.passerelle.local',
        displayName: 'Coach',
        structureId: await structureId(api),
        roles: ['coach'],
        password: 'correct horse battery staple',
      },
    );
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: coach.user.email, password: 'correct horse battery staple' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const jobs = [...new Map(DEMO_JOBS.map((job) => [job.romeCode, job])).values()];
    const profiles: MatchingProfile[] = Array.from({ length: 40 }, (_, i) => ({
      experiences: [{ romeCode: jobs[i % jobs.length].romeCode, months: 24 + i }],
      skills: [],
      commune: { inseeCode: COMMUNES[i % COMMUNES.length] },
      maxDistanceKm: 20 + (i % 4) * 10,
      drivingLicence: i % 3 !== 0,
      contractTypes: i % 2 === 0 ? ['cdi', 'cdd', 'interim'] : ['cdi', 'cdd'],
      workingTime: 'any',
    }));
    // The plain search's vector and filters: what the matcher asks Meilisearch for the same person.
    const match = api.get(MatchOffers);
    const plainQueries = await Promise.all(profiles.map((profile) => match.plainQuery(profile)));
    const index = meili.index(uid);
    let apiSpans: Array<[number, number]> = [];
    const apiSearch = async (i: number): Promise<void> => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/matching/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ profile: profiles[i % profiles.length], limit: 20 }),
      });
      if (response.status !== 200) throw new Error(`matching search answered ${response.status}`);
      await response.json();
      apiSpans.push([started, performance.now()]);
    };
    const windowSearch = async (i: number): Promise<void> => {
      const query = plainQueries[i % plainQueries.length];
      await index.search(null, {
        ...(query.vector ? { vector: query.vector, hybrid: { embedder: 'skills', semanticRatio: 1 } } : {}),
        filter: query.filter,
        limit: MATCH_WINDOW,
        attributesToRetrieve: ['id', 'stamp'],
        showRankingScore: true,
      });
    };
    const plainSearch = async (i: number): Promise<void> => {
      const query = plainQueries[i % plainQueries.length];
      await index.search(null, {
        ...(query.vector ? { vector: query.vector, hybrid: { embedder: 'skills', semanticRatio: 1 } } : {}),
        filter: query.filter,
        limit: 20,
        attributesToRetrieve: LIST_ATTRIBUTES,
      });
    };
    // Warm-up: the skill space, the referential, connections, Meilisearch's caches.
    await concurrently(profiles.length, 4, apiSearch);
    await concurrently(profiles.length, 4, plainSearch);
    await concurrently(profiles.length, 4, windowSearch);

    const searchFigures = async (concurrency: number, perRound: number): Promise<SearchFigures> => {
      log(
        `bench matching: ${rounds} × ${perRound} matched searches at concurrency ${concurrency}, each beside the plain search`,
      );
      const api: number[] = [];
      const plain: number[] = [];
      const windowed: number[] = [];
      const ratios: number[] = [];
      apiSpans = [];
      const pauses = watchPauses();
      type CpuTotal = { micros: number; system: number; requests: number };
      const cpu: Record<'api' | 'plain' | 'window', CpuTotal> = {
        api: { micros: 0, system: 0, requests: 0 },
        plain: { micros: 0, system: 0, requests: 0 },
        window: { micros: 0, system: 0, requests: 0 },
      };
      const withCpu = async (total: CpuTotal, block: () => Promise<number[]>) => {
        const before = process.cpuUsage();
        const timings = await block();
        const used = process.cpuUsage(before);
        total.micros += used.user + used.system;
        total.system += used.system;
        total.requests += timings.length;
        return timings;
      };
      const perRequest = ({ micros, system, requests }: CpuTotal): CpuPerRequest => ({
        totalMs: Math.round(micros / requests / 10) / 100,
        systemMs: Math.round(system / requests / 10) / 100,
      });
      for (let round = 0; round < rounds; round += 1) {
        const roundApi: number[] = [];
        const roundPlain: number[] = [];
        // Interleaved in blocks of one pass over the profiles: the machine's noise hits both alike.
        for (let done = 0; done < perRound; done += profiles.length) {
          roundApi.push(...(await withCpu(cpu.api, () => concurrently(profiles.length, concurrency, apiSearch))));
          roundPlain.push(...(await withCpu(cpu.plain, () => concurrently(profiles.length, concurrency, plainSearch))));
          windowed.push(...(await withCpu(cpu.window, () => concurrently(profiles.length, concurrency, windowSearch))));
        }
        ratios.push(percentile(roundApi, 95) / percentile(roundPlain, 95));
        api.push(...roundApi);
        plain.push(...roundPlain);
      }
      const paused = pauses.stop(apiSpans);
      const apiTiming = { p50Ms: percentile(api, 50), p95Ms: percentile(api, 95) };
      const plainTiming = { p50Ms: percentile(plain, 50), p95Ms: percentile(plain, 95) };
      const windowTiming = { p50Ms: percentile(windowed, 50), p95Ms: percentile(windowed, 95) };
      return {
        concurrency,
        requestsPerRound: perRound,
        api: apiTiming,
        plain: plainTiming,
        window: windowTiming,
        ratioP95VsPlain: Math.round((apiTiming.p95Ms / plainTiming.p95Ms) * 100) / 100,
        ratioP95VsWindow: Math.round((apiTiming.p95Ms / windowTiming.p95Ms) * 100) / 100,
        windowRatioP95VsPlain: Math.round((windowTiming.p95Ms / plainTiming.p95Ms) * 100) / 100,
        ratioP95VsPlainByRound: repeated(ratios),
        pauses: paused,
        cpuMsPerRequest: { api: perRequest(cpu.api), plain: perRequest(cpu.plain), window: perRequest(cpu.window) },
      };
    };
    // BENCH_PROFILE=<dir>: a CPU profile of the matched searches alone (chrome://inspect, speedscope).
    const profiler = await startProfiler();
    const concurrency1 = await searchFigures(1, 200);
    const concurrency8 = await searchFigures(8, 400);
    await profiler.stop('matched-search');

    log(`bench matching: seeding ${people} people in coaching`);
    const { departement, mediator, targets } = await seedPortfolios(db, people);
    const actor = { userId: mediator, structureId: departement, roles: ['platform_staff' as const] };
    const candidates = api.get(ListOfferCandidates);
    await candidates.execute(actor, targets[0].id, 20); // warm-up
    const candidatesProfiler = await startProfiler();
    const candidateTimings: number[] = [];
    const searchTimings: number[] = [];
    const candidateRatios: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const roundCandidates: number[] = [];
      const roundSearches: number[] = [];
      for (const [i, { id }] of targets.entries()) {
        started = performance.now();
        await candidates.execute(actor, id, 20);
        roundCandidates.push(performance.now() - started);
        started = performance.now();
        await match.execute(profiles[i % profiles.length], {}, { limit: 20, offset: 0 });
        roundSearches.push(performance.now() - started);
      }
      candidateRatios.push(percentile(roundCandidates, 50) / percentile(roundSearches, 50));
      candidateTimings.push(...roundCandidates);
      searchTimings.push(...roundSearches);
    }
    await candidatesProfiler.stop('candidates');
    // The previous design for scale: one Meilisearch search per person.
    const peopleProfiles = (
      await db.query<
        Array<{
          id: string;
          experiences: Array<{ romeCode: string; months: number }>;
          desired_occupations: string[];
          driving_licence: boolean;
          max_distance_km: number;
          contract_types: MatchingProfile['contractTypes'];
          commune_insee: string;
        }>
      >(
        `SELECT b.id, d.experiences, d.desired_occupations, d.driving_licence, d.max_distance_km, d.contract_types,
           b.commune_insee FROM diagnostic d JOIN beneficiary b ON b.id = d.beneficiary_id`,
      )
    ).map((row) => ({
      key: row.id,
      profile: {
        experiences: row.experiences,
        skills: [],
        targetOccupations: row.desired_occupations,
        commune: { inseeCode: row.commune_insee },
        maxDistanceKm: row.max_distance_km,
        drivingLicence: row.driving_licence,
        contractTypes: row.contract_types,
        workingTime: 'any' as const,
      },
    }));
    const bySearch: number[] = [];
    for (const { id } of targets.slice(0, 3)) {
      started = performance.now();
      await api.get(ScoreOfferForPeople).bySearch(id, peopleProfiles);
      bySearch.push(performance.now() - started);
    }
    const candidatesP50 = percentile(candidateTimings, 50);
    const searchP50 = percentile(searchTimings, 50);
    const reindexSeconds = repeated(reindexRuns).median;
    const rawSeconds = repeated(rawRuns).median;
    return {
      offers,
      indexed,
      rounds,
      indexRounds,
      ingestSeconds: Math.round(ingestSeconds),
      initialIndex: {
        seconds: repeated(initial),
        ratioVsRaw: repeated(initial.map((seconds, i) => seconds / rawRuns[i])),
        batchesByRound: initialBatches,
      },
      reindex: {
        seconds: reindexSeconds,
        rawSeconds,
        ratioVsRaw: Math.round((reindexSeconds / rawSeconds) * 100) / 100,
        secondsByRound: repeated(reindexRuns),
        rawSecondsByRound: repeated(rawRuns),
        ratioVsRawByRound: repeated(reindexRuns.map((seconds, i) => seconds / rawRuns[i])),
        phasesByRound: reindexPhases,
        batchesByRound: reindexBatches,
        rawByRound: rawDetails,
      },
      concurrency1,
      concurrency8,
      candidates: {
        people,
        offersAsked: candidateTimings.length,
        p50Ms: candidatesP50,
        matchedSearchP50Ms: searchP50,
        ratioP50VsMatchedSearch: Math.round((candidatesP50 / searchP50) * 100) / 100,
        ratioP50VsMatchedSearchByRound: repeated(candidateRatios),
        bySearchP50Ms: percentile(bySearch, 50),
      },
    };
  } finally {
    await app?.close();
    demo.close();
    await env.close();
  }
}

/**
 * Raw Meilisearch indexing of the documents the reindex just sent (the app's own projection, built
 * first and not timed) into a new index with the same settings: every page sent at once as NDJSON,
 * timed until the last task is done.
 *
 * The documents are not read back from the index: at 200,000 offers that read (`getDocuments` with
 * vectors, 5,000 a page) failed on the client's 10-second request timeout on a loaded machine, and it
 * held every page in memory. Here each page goes to its own file as it is built, so only one page is
 * ever held, and the sends use a client whose requests may take as long as a task may.
 */
async function rawIndexing(
  app: INestApplicationContext,
  uid: string,
  timeout: number,
): Promise<{ seconds: number; buildSeconds: number; batches: BatchSummary }> {
  const config = app.get<ResolvedConfig>(APP_CONFIG);
  const meili = createMeiliClient(config.meilisearch.url, config.meilisearch.masterKey, timeout);
  const raw = `${uid}_raw`;
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-bench-raw-'));
  try {
    const files: string[] = [];
    const building = performance.now();
    for await (const page of app.get(OfferDocuments).all(RAW_PAGE)) {
      const file = join(dir, `${files.length}.ndjson`);
      await writeFile(file, offerDocumentsNdjson(page));
      files.push(file);
    }
    const buildSeconds = (performance.now() - building) / 1000;
    await meili.deleteIndex(raw).waitTask({ timeout });
    await app.get(SearchIndexes).ensure(OFFERS_INDEX, raw);
    const since = new Date();
    const started = performance.now();
    const tasks = [];
    for (const file of files)
      tasks.push(await meili.index(raw).addDocumentsFromString(await readFile(file, 'utf8'), 'application/x-ndjson'));
    for (const task of tasks) await awaitTask(meili, task, timeout);
    const seconds = (performance.now() - started) / 1000;
    const batches = await batchesSince(config, since);
    await meili.deleteIndex(raw).waitTask({ timeout });
    return { seconds, buildSeconds: Math.round(buildSeconds * 100) / 100, batches };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Meilisearch's batches started since a moment: how it split the work and where its time went. */
export interface BatchSummary {
  readonly batches: number;
  /** Sum of the batches' durations: Meilisearch busy indexing. */
  readonly busySeconds: number;
  /** Each batch: its tasks, their types and its duration. */
  readonly list: Array<{ readonly tasks: number; readonly types: string; readonly seconds: number }>;
  /** The longest steps of Meilisearch's own progress trace, summed over the batches (seconds). */
  readonly steps: Record<string, number>;
}

/** `PT1.5S`, `PT1M2.5S` (ISO 8601) or `12.3ms`, `1.2s` (progress trace) in seconds. */
function durationSeconds(text: string | null | undefined): number {
  if (!text) return 0;
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(text);
  if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  const trace = /^([\d.]+)\s*(ns|µs|us|ms|s|m)$/.exec(text.trim());
  if (!trace) return 0;
  const scale: Record<string, number> = { ns: 1e-9, µs: 1e-6, us: 1e-6, ms: 1e-3, s: 1, m: 60 };
  return Number(trace[1]) * scale[trace[2]];
}

async function batchesSince(config: ResolvedConfig, since: Date): Promise<BatchSummary> {
  const url = new URL('batches?limit=1000', config.meilisearch.url.toString().replace(/\/?$/, '/'));
  const response = await fetch(url, {
    headers: config.meilisearch.masterKey ? { Authorization: `Bearer ${config.meilisearch.masterKey}` } : {},
  });
  const { results } = (await response.json()) as {
    results: Array<{
      startedAt: string;
      duration: string | null;
      stats: { totalNbTasks: number; types: Record<string, number>; progressTrace?: Record<string, string> };
    }>;
  };
  const batches = results
    .filter((batch) => new Date(batch.startedAt) >= since)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const steps = new Map<string, number>();
  for (const batch of batches)
    for (const [step, time] of Object.entries(batch.stats.progressTrace ?? {}))
      steps.set(step, (steps.get(step) ?? 0) + durationSeconds(time));
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    batches: batches.length,
    busySeconds: round(batches.reduce((sum, batch) => sum + durationSeconds(batch.duration), 0)),
    list: batches.map((batch) => ({
      tasks: batch.stats.totalNbTasks,
      types: Object.keys(batch.stats.types).join(','),
      seconds: round(durationSeconds(batch.duration)),
    })),
    steps: Object.fromEntries(
      [...steps.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([step, seconds]) => [step, round(seconds)]),
    ),
  };
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * Collections and event-loop delay from now until `stop`, which also takes the API requests'
 * spans to tell how much of their tail the collections make.
 */
function watchPauses(): { stop(spans: ReadonlyArray<[number, number]>): PauseFigures } {
  const collections: Array<{ kind: string; start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1;
      collections.push({
        kind: GC_KINDS[kind] ?? String(kind),
        start: entry.startTime,
        end: entry.startTime + entry.duration,
      });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // Node records each tick's whole interval: the delay is what exceeds the resolution.
  const resolutionMs = 10;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    stop: (spans) => {
      observer.disconnect();
      delay.disable();
      const gc: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
      for (const { kind, start, end } of collections) {
        const entry = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
        entry.count += 1;
        entry.totalMs += end - start;
        entry.maxMs = Math.max(entry.maxMs, end - start);
      }
      for (const entry of Object.values(gc)) {
        entry.totalMs = round(entry.totalMs);
        entry.maxMs = round(entry.maxMs);
      }
      const overlap = ([from, to]: [number, number]): number =>
        collections.reduce((sum, { start, end }) => sum + Math.max(0, Math.min(to, end) - Math.max(from, start)), 0);
      const durations = spans.map(([from, to]) => to - from);
      const p95 = percentile(durations, 95);
      const slow = spans.filter(([from, to]) => to - from > p95);
      return {
        gc,
        apiP95LessGcMs: percentile(
          spans.map((span) => span[1] - span[0] - overlap(span)),
          95,
        ),
        slowApiWithGc: slow.length === 0 ? 0 : round(slow.filter((span) => overlap(span) > 0).length / slow.length),
        eventLoopDelay: {
          p50Ms: round(Math.max(0, delay.percentile(50) / 1e6 - resolutionMs)),
          p99Ms: round(Math.max(0, delay.percentile(99) / 1e6 - resolutionMs)),
          maxMs: round(Math.max(0, delay.max / 1e6 - resolutionMs)),
        },
      };
    },
  };
}

async function startProfiler(): Promise<{ stop(name: string): Promise<void> }> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return { stop: () => Promise.resolve() };
  const { Session } = await import('node:inspector/promises');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  const heap = process.env.BENCH_HEAP === '1';
  if (heap) {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 8192,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  } else {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  return {
    stop: async (name) => {
      if (heap) {
        const { profile: sampled } = await session.post('HeapProfiler.stopSampling');
        await mkdir(dir, { recursive: true });
        await writeFile(`${dir}/${name}.heapprofile`, JSON.stringify(sampled));
        session.disconnect();
        return;
      }
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dir, { recursive: true });
      await writeFile(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function structureId(app: INestApplicationContext): Promise<string> {
  const rows: Array<{ id: string }> = await app.get(DataSource).query('SELECT id FROM structure LIMIT 1');
  return rows[0].id;
}
