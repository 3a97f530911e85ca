import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES, redisOptions } from '@passerelle/core';
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

describe('ingestion survives a worker killed (SIGKILL) in the middle of a run', () => {
  let context: TestContext;
  let demo: DemoSources;
  let app: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  const workers: SpawnedProcess[] = [];

  const startWorker = async (): Promise<SpawnedProcess> => {
    const worker = spawnBuilt('apps/worker/src/main.js', [], { ...context.env, LOG_LEVEL: 'info', DEMO_MODE: 'false' });
    workers.push(worker);
    await eventually('worker started', () => (worker.output().includes('worker started') ? true : undefined), 30_000);
    return worker;
  };
  const count = async (sql: string): Promise<number> => Number((await db.query<Array<{ n: string }>>(sql))[0]?.n ?? 0);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({ seed: 7, crawlDelaySeconds: 0, franceTravail: { count: 2400, region: 'mixed' } });
    app = await startAppContext(context.config, [IngestionModule]);
    db = app.get(DataSource);
    const api = demoSourceInputs(demo).find((input) => input.kind === 'france_travail')!;
    // Slow enough that the kill lands mid-run: about 20 search pages at 4 a second.
    await app.get(ManageSources).upsert({ ...api, scheduleMinutes: null, rateLimitPerSecond: 4, maxConcurrency: 1 });
    queue = new Queue(QUEUES.ingestSource, {
      connection: redisOptions(context.config.redis.url, 'queue'),
      prefix: context.config.redis.queuePrefix,
    });
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await queue?.close();
    await app?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('ends with exactly the offers of an uninterrupted run: none lost, none twice', async () => {
    const first = await startWorker();
    await queue.add('run', { source: 'france-travail-demo', trigger: 'manual' });
    await eventually(
      'some offers stored',
      async () => ((await count('SELECT count(*) AS n FROM offer')) > 0 ? true : undefined),
      30_000,
      20,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const storedAtKill = await count('SELECT count(*) AS n FROM offer');
    expect(storedAtKill).toBeLessThan(demo.fixtures.franceTravail.total);

    await startWorker();
    await eventually(
      'a run succeeded after the restart',
      async () =>
        (await count(`SELECT count(*) AS n FROM ingestion_run WHERE status = 'succeeded'`)) > 0 ? true : undefined,
      60_000,
      200,
    );
    const ids: Array<{ external_id: string }> = await db.query(
      `SELECT external_id FROM offer WHERE source = 'france-travail-demo' AND status = 'open' ORDER BY external_id`,
    );
    expect(ids.map((row) => row.external_id)).toEqual([...demo.fixtures.franceTravail.ids].sort());
    const runs: Array<{ status: string; error: string | null }> = await db.query(
      'SELECT status, error FROM ingestion_run ORDER BY started_at',
    );
    expect(runs.map((run) => run.status)).toEqual(['failed', 'succeeded']);
    expect(runs[0]?.error).toContain('interrupted');
  });
});
