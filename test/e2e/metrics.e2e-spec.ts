import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import pg from 'pg';
import { QUEUES, redisOptions } from '@passerelle/core';
import {
  createTestContext,
  eventually,
  type RunningApi,
  spawnBuilt,
  type SpawnedProcess,
  startApi,
  type TestContext,
} from '@passerelle/testing';

const TOKEN = 'metrics-test-token-0123456789abcdefghij';

/** The value of one sample line (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics', () => {
  let context: TestContext;
  let api: RunningApi;
  let worker: SpawnedProcess | undefined;
  let queue: Queue;

  const scrape = async (): Promise<string> => {
    const response = await fetch(`${api.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    context = await createTestContext({ env: { METRICS_TOKEN: TOKEN } });
    api = await startApi(context.config);
    queue = new Queue(QUEUES.system, {
      connection: redisOptions(context.config.redis.url, 'queue'),
      prefix: context.config.redis.queuePrefix,
    });
  });

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await queue?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('refuses a scrape without the token or with a wrong one (401), and does not exist without METRICS_TOKEN (404)', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    const closed = await startApi({ ...context.config, metricsToken: undefined });
    try {
      expect((await fetch(`${closed.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(
        404,
      );
    } finally {
      await closed.close();
    }
  });

  it('exposes the request, queue, ingestion, outbox, index and Meilisearch metrics by name', async () => {
    const text = await scrape();
    for (const name of [
      'passerelle_http_request_duration_seconds',
      'passerelle_queue_jobs',
      'passerelle_worker_jobs_total',
      'passerelle_ingestion_offers',
      'passerelle_ingestion_runs',
      'passerelle_outbox_pending',
      'passerelle_outbox_lag_seconds',
      'passerelle_search_index_expected_documents',
      'passerelle_search_index_documents',
      'passerelle_meilisearch_failed_tasks',
      'passerelle_meilisearch_task_failures_total',
      'passerelle_processes',
    ])
      expect(text).toContain(`# TYPE ${name} `);
    expect(sample(text, 'passerelle_queue_jobs{queue="ingest-source",state="failed"}')).toBe(0);
    expect(sample(text, 'passerelle_outbox_pending{outbox="offers-index"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'passerelle_metrics_source_up{source="postgres"}')).toBe(1);
    expect(sample(text, 'passerelle_metrics_source_up{source="redis"}')).toBe(1);
    expect(sample(text, 'passerelle_metrics_source_up{source="meilisearch"}')).toBe(1);
  });

  it('counts a request under its route template, not its URL', async () => {
    const series = 'passerelle_http_request_duration_seconds_count{method="GET",route="/offers/:id",status="401"}';
    const before = sample(await scrape(), series) ?? 0;
    const id = '5f0c6b0e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
    expect((await fetch(`${api.url}/offers/${id}`)).status).toBe(401);
    const after = await scrape();
    expect(sample(after, series)).toBe(before + 1);
    expect(after).not.toContain(id);
  });

  it('reports ingestion counts per source from the recorded runs', async () => {
    const db = new pg.Client({ connectionString: context.config.database.url.toString() });
    await db.connect();
    try {
      const {
        rows: [source],
      } = await db.query<{ id: string }>(
        `INSERT INTO ingestion_source (name, label, kind) VALUES ('metrics-board', 'Board', 'manual') RETURNING id`,
      );
      await db.query(
        `INSERT INTO ingestion_run (source_id, trigger, status, ended_at, offers_seen, created, rejected)
         VALUES ($1, 'manual', 'succeeded', now(), 10, 7, 3), ($1, 'manual', 'failed', now(), 0, 0, 0)`,
        [source.id],
      );
    } finally {
      await db.end();
    }
    const text = await scrape();
    expect(sample(text, 'passerelle_ingestion_offers{source="metrics-board",outcome="created"}')).toBe(7);
    expect(sample(text, 'passerelle_ingestion_offers{source="metrics-board",outcome="rejected"}')).toBe(3);
    expect(sample(text, 'passerelle_ingestion_runs{source="metrics-board",status="failed"}')).toBe(1);
  });

  it("adds up a separate worker process's job counts, published through Redis", async () => {
    worker = spawnBuilt('apps/worker/src/main.js', [], { ...context.env, LOG_LEVEL: 'info' });
    await eventually('worker started', () => (worker!.output().includes('worker started') ? true : undefined), 20_000);
    const job = await queue.add('ping', { requestedAt: new Date().toISOString(), durationMs: 0 });
    await eventually('ping done', async () => ((await job.getState()) === 'completed' ? true : undefined), 15_000);
    const series = 'passerelle_worker_jobs_total{queue="system",job="ping",outcome="completed"}';
    // The worker publishes every 10 s: wait for the publication that follows the job.
    const text = await eventually(
      'worker metrics published',
      async () => {
        const scraped = await scrape();
        return sample(scraped, series) === 1 ? scraped : undefined;
      },
      25_000,
      500,
    );
    expect(sample(text, 'passerelle_processes{service="worker"}')).toBe(1);
  });
});
