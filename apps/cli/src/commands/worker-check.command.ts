import { Queue, QueueEvents } from 'bullmq';
import { QUEUES, loadConfig, redisOptions, TypedQueue } from '@passerelle/core';

/**
 * Sends a `ping` job and waits for a worker to answer it: proves, from outside, that some worker
 * process consumes the queues of this deployment.
 */
export async function workerCheckCommand(options: { timeout: string }): Promise<void> {
  const timeoutMs = Number(options.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new Error('--timeout must be a positive number of milliseconds');
  const config = loadConfig();
  const connection = redisOptions(config.redis.url ?? new URL('redis://127.0.0.1:6379'), 'queue');
  const prefix = config.redis.queuePrefix;
  const queue = new Queue(QUEUES.system, { connection, prefix });
  const events = new QueueEvents(QUEUES.system, { connection, prefix });
  try {
    await events.waitUntilReady();
    const started = Date.now();
    const job = await new TypedQueue<typeof QUEUES.system>(queue).add(
      'ping',
      { requestedAt: new Date().toISOString(), durationMs: 0 },
      { removeOnComplete: true },
    );
    await job.waitUntilFinished(events, timeoutMs);
    process.stdout.write(`${JSON.stringify({ ok: true, roundTripMs: Date.now() - started })}\n`);
  } finally {
    await Promise.all([queue.close(), events.close()]);
  }
}
