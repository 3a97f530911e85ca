import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  awaitTask,
  createMeiliClient,
  createProcessLogger,
  ensureDatabase,
  loadConfig,
  migrateDatabase,
  resolveServices,
  type ResolvedConfig,
  type ServiceSet,
} from '@passerelle/core';
// npm scripts run from the repository root.
const rootDir = process.cwd();

export interface BenchEnvironment {
  readonly config: ResolvedConfig;
  readonly services: ServiceSet;
  close(): Promise<void>;
}

/**
 * A throw-away database (its name says `bench`) on the machine's PostgreSQL, Redis with a bench
 * prefix, and the bundled Meilisearch: benchmarks never touch a developer's data.
 */
export async function benchEnvironment(
  name: string,
  overrides: Readonly<Record<string, string>> = {},
): Promise<BenchEnvironment> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `passerelle_bench_${name}_${Date.now().toString(36)}`;
  const url = new URL(server);
  url.pathname = `/${database}`;
  await ensureDatabase(url);
  const dataDir = path.join(rootDir, '.data', 'bench');
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${name}`,
    MEILI_INDEX_PREFIX: `bench_${name}_`,
    PASSERELLE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'false',
    // The benchmarks' demo boards listen on loopback.
    FETCH_ALLOWED_HOSTS: '127.0.0.1',
    // Indexing queues every page at once: on a loaded machine the first task can wait behind the
    // whole bulk load for longer than a request's default minute.
    MEILI_TASK_TIMEOUT_MS: '900000',
    ...overrides,
  });
  const services = await resolveServices(config, createProcessLogger('warn', 'bench'));
  await migrateDatabase(services.config);
  await dropBenchIndexes(services.config);
  return {
    config: services.config,
    services,
    close: async () => {
      await services.stop();
      if (process.env.BENCH_KEEP_DB) {
        process.stderr.write(`bench database kept: ${database}\n`);
        return;
      }
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The bench's Meilisearch keeps its data between runs (`.data/bench`): a previous run's index would
 * be re-indexed in place under new settings and queue ahead of this run's work.
 */
async function dropBenchIndexes(config: ResolvedConfig): Promise<void> {
  const meili = createMeiliClient(config.meilisearch.url, config.meilisearch.masterKey);
  const { results } = await meili.getIndexes({ limit: 1000 });
  for (const index of results.filter((entry) => entry.uid.startsWith(config.meilisearch.indexPrefix)))
    await awaitTask(meili, meili.deleteIndex(index.uid), config.meilisearch.taskTimeoutMs);
}

export async function writeResults(name: string, results: unknown): Promise<string> {
  const dir = path.join(rootDir, 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/**
 * Writes `results` into bench-results/<name>.json over the keys already there, which stay (another writer
 * shares the file: web.json also holds what the browser test web-app.e2e-spec measures).
 */
export async function mergeResults(name: string, results: Record<string, unknown>): Promise<string> {
  const file = path.join(rootDir, 'bench-results', `${name}.json`);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // none yet, or unreadable: written afresh
  }
  return writeResults(name, { ...previous, ...results });
}

/** Samples memory every `intervalMs` while work runs. */
export function memorySampler(intervalMs = 250): {
  stop(): Array<{ atMs: number; rssMb: number; heapMb: number; progress: number }>;
  progress: { value: number };
} {
  const samples: Array<{ atMs: number; rssMb: number; heapMb: number; progress: number }> = [];
  const progress = { value: 0 };
  const started = Date.now();
  const take = (): void => {
    const usage = process.memoryUsage();
    samples.push({
      atMs: Date.now() - started,
      rssMb: Math.round(usage.rss / 1e6),
      heapMb: Math.round(usage.heapUsed / 1e6),
      progress: progress.value,
    });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    progress,
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
