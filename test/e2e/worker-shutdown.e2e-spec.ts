import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { QUEUES, redisOptions } from '@passerelle/core';
import { createTestContext, eventually, spawnBuilt, type SpawnedProcess, type TestContext } from '@passerelle/testing';

describe('worker process: graceful shutdown on SIGTERM', () => {
  let context: TestContext;
  let queue: Queue;
  const workers: SpawnedProcess[] = [];

  const startWorker = async (env: Record<string, string> = {}): Promise<SpawnedProcess> => {
    const worker = spawnBuilt('apps/worker/src/main.js', [], { ...context.env, LOG_LEVEL: 'info', ...env });
    workers.push(worker);
    await eventually('worker started', () => (worker.output().includes('worker started') ? true : undefined), 20_000);
    return worker;
  };

  beforeAll(async () => {
    context = await createTestContext();
    queue = new Queue(QUEUES.system, {
      connection: redisOptions(context.config.redis.url, 'queue'),
      prefix: context.config.redis.queuePrefix,
    });
  });

  afterEach(() => {
    for (const worker of workers.splice(0)) worker.child.kill('SIGKILL');
  });

  afterAll(async () => {
    await queue?.close();
    await context?.cleanup();
  });

  it('finishes the job in flight, then exits 0', async () => {
    const worker = await startWorker();
    const job = await queue.add('ping', { requestedAt: new Date().toISOString(), durationMs: 2_000 });
    await eventually('job active', async () => ((await job.getState()) === 'active' ? true : undefined));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await job.getState()).toBe('completed');
    const finished = await queue.getJob(job.id!);
    expect(finished?.returnvalue.waitedMs).toBeGreaterThanOrEqual(1_900);
  });

  it('past SHUTDOWN_TIMEOUT_MS gives the job back, exits 0, and the next worker completes it', async () => {
    const first = await startWorker({ SHUTDOWN_TIMEOUT_MS: '300' });
    const job = await queue.add('ping', { requestedAt: new Date().toISOString(), durationMs: 3_000 });
    await eventually('job active', async () => ((await job.getState()) === 'active' ? true : undefined));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await job.getState()).toBe('waiting');
    expect(first.output()).toContain('given back to the queue');

    await startWorker();
    await eventually(
      'job completed by the next worker',
      async () => ((await job.getState()) === 'completed' ? true : undefined),
      15_000,
    );
    const finished = await queue.getJob(job.id!);
    expect(finished?.failedReason).toBeFalsy();
  });
});
