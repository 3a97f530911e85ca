import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { freePort, QUEUES, redisOptions } from '@passerelle/core';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { IngestionModule, ManageSources } from '@passerelle/ingestion';
import {
  createTestContext,
  eventually,
  spawnBuilt,
  startAppContext,
  type SpawnedProcess,
  type TestContext,
} from '@passerelle/testing';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';

const RATE = 10;

interface PublishedEntry {
  service: string;
  metrics: Array<{ name: string; values: Array<{ labels: Record<string, string>; value: number }> }>;
}
const ADMIN = { email: 'admin@several.passerelle.fr', password: 'Several-processes-2026!x' };

describe('two API and two worker processes on one PostgreSQL, Redis and Meilisearch', () => {
  let context: TestContext;
  let demo: DemoSources;
  let app: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  const processes: SpawnedProcess[] = [];
  const apis: string[] = [];

  const started = async (process: SpawnedProcess, line: string): Promise<void> => {
    await eventually('process started', () => (process.output().includes(line) ? true : undefined), 40_000).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n${process.output().slice(-2000)}`);
      },
    );
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({ seed: 11, crawlDelaySeconds: 0 });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);
    // Nordemploi and Job Connexion are served by one host: two sources, one politeness budget.
    for (const input of demoSourceInputs(demo).filter((source) => source.kind === 'html_board'))
      await app
        .get(ManageSources)
        .upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: RATE, maxConcurrency: 1 });
    queue = new Queue(QUEUES.ingestSource, {
      connection: redisOptions(context.config.redis.url, 'queue'),
      prefix: context.config.redis.queuePrefix,
    });
    const admin = spawnBuilt(
      'apps/cli/src/main.js',
      ['create-admin', '--email', ADMIN.email, '--password', ADMIN.password],
      context.env,
    );
    expect(await admin.exited).toBe(0);
    const env = { ...context.env, LOG_LEVEL: 'info', DEMO_MODE: 'false', WORKER_CONCURRENCY: '1' };
    for (let i = 0; i < 2; i += 1) {
      const worker = spawnBuilt('apps/worker/src/main.js', [], env);
      processes.push(worker);
      await started(worker, 'worker started');
      const port = await freePort();
      const api = spawnBuilt('apps/api/src/main.js', [], { ...env, PORT: String(port) });
      processes.push(api);
      await started(api, 'API listening');
      apis.push(`http://127.0.0.1:${port}`);
    }
  }, 180_000);

  afterAll(async () => {
    for (const process of processes) process.child.kill('SIGKILL');
    await queue?.close();
    await app?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('keeps the per-host request rate across workers running two sources of one host at once', async () => {
    demo.control.requests.reset();
    await Promise.all([
      queue.add('run', { source: 'nordemploi', trigger: 'manual' }),
      queue.add('run', { source: 'job-connexion', trigger: 'manual' }),
    ]);
    await eventually(
      'both runs ended',
      async () => {
        const rows: Array<{ status: string }> = await db.query('SELECT status FROM ingestion_run');
        return rows.length === 2 && rows.every((row) => row.status !== 'running') ? rows : undefined;
      },
      240_000,
      500,
    );
    const requests = demo.control.requests
      .entries()
      .filter((entry) => entry.path.startsWith('/nordemploi/') || entry.path.startsWith('/jobconnexion/'))
      .map((entry) => ({ at: entry.at, board: entry.path.split('/')[1] }))
      .sort((a, b) => a.at - b.at);
    const span = (board: string) => {
      const times = requests.filter((entry) => entry.board === board).map((entry) => entry.at);
      return { first: Math.min(...times), last: Math.max(...times) };
    };
    const [nord, job] = [span('nordemploi'), span('jobconnexion')];
    // The two runs overlapped (the case where per-process limits would add up)...
    const overlap = { from: Math.max(nord.first, job.first), to: Math.min(nord.last, job.last) };
    expect(overlap.to - overlap.from).toBeGreaterThan(2_000);
    // ...and the host got RATE requests a second on average over the overlap, where two workers each
    // keeping its own pace would send twice as many. A start slot is reserved in Redis, then the worker
    // sends when its event loop gets there: one request sent late can bunch with the next one, so the
    // busiest single second is allowed a little above RATE, still far below 2 × RATE.
    const during = requests.filter((entry) => entry.at >= overlap.from && entry.at <= overlap.to);
    const perSecond = (during.length - 1) / ((overlap.to - overlap.from) / 1000);
    expect(perSecond).toBeLessThanOrEqual(RATE * 1.05);
    let busiest = 0;
    for (const start of during) {
      const inWindow = requests.filter((entry) => entry.at >= start.at && entry.at < start.at + 1_000).length;
      busiest = Math.max(busiest, inWindow);
    }
    expect(busiest).toBeLessThanOrEqual(RATE + 3);
    // Each worker ran one of the two: their own job counters, as they publish them to Redis.
    const redis = new Redis(context.config.redis.url.toString());
    try {
      await eventually(
        'each worker reports one ingestion run',
        async () => {
          const entries = Object.values(
            await redis.hgetall(`${context.config.redis.queuePrefix}:kv:metrics:processes`),
          );
          const perWorker = entries
            .map((raw) => JSON.parse(raw) as PublishedEntry)
            .filter((entry) => entry.service === 'worker')
            .map((entry) =>
              (entry.metrics.find((metric) => metric.name === 'passerelle_worker_jobs_total')?.values ?? [])
                .filter((value) => value.labels.queue === QUEUES.ingestSource && value.labels.outcome === 'completed')
                .reduce((sum, value) => sum + value.value, 0),
            );
          return perWorker.length === 2 && perWorker.every((runs) => runs === 1) ? true : undefined;
        },
        25_000,
        500,
      );
    } finally {
      redis.disconnect();
    }
  }, 300_000);

  it('drains the index outbox into an index equal to PostgreSQL while both workers take from it', async () => {
    await eventually(
      'outbox empty',
      async () => {
        const [row] = await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM offer_outbox');
        return Number(row?.n) === 0 ? true : undefined;
      },
      60_000,
      200,
    );
    const expected: Array<{ id: string }> = await db.query(
      `SELECT id FROM offer WHERE status = 'open' AND duplicate_of IS NULL ORDER BY id`,
    );
    expect(expected.length).toBeGreaterThan(100);
    const meili = app.get(Meilisearch);
    const index = meili.index(`${context.config.meilisearch.indexPrefix}offers`);
    await eventually(
      'index caught up',
      async () => ((await index.getStats()).numberOfDocuments === expected.length ? true : undefined),
      30_000,
      200,
    );
    const documents = await index.getDocuments<{ id: string }>({ fields: ['id'], limit: 10_000 });
    expect(documents.results.map((document) => document.id).sort()).toEqual(expected.map((row) => row.id));
  });

  it('accepts on one API process the session opened on the other', async () => {
    const [first, second] = apis as [string, string];
    const login = await fetch(`${first}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${second}/auth/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(ADMIN.email);
  });
});
