import { setTimeout as sleep } from 'node:timers/promises';
import {
  Meilisearch,
  MeilisearchTaskTimeOutError,
  type Config,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type Task,
} from 'meilisearch';
import { meiliTaskFailures } from '../metrics/process-metrics.js';

export function createMeiliClient(
  url: URL,
  apiKey: string | undefined,
  timeoutMs = 10_000,
  httpClient?: Config['httpClient'],
): Meilisearch {
  return new Meilisearch({
    host: url.toString().replace(/\/$/, ''),
    apiKey,
    timeout: timeoutMs,
    httpClient,
    // Node's fetch asks for compressed responses by default; on loopback that costs ~45 ms a request.
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
  });
}

export class MeiliTaskFailedError extends Error {
  constructor(readonly task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type}) ended ${task.status}` +
        (task.error ? `: ${task.error.code}: ${task.error.message}` : ''),
    );
    this.name = 'MeiliTaskFailedError';
  }
}

/**
 * Waits for a Meilisearch task and returns it only if it succeeded. The client's own wait returns
 * failed tasks without throwing, which is how index errors get silently lost. `enqueued` is the
 * client's answer to a write, or the task it already answered (a caller that must know the write is
 * queued, so that the next one queues after it, awaits the enqueue first).
 */
export async function awaitTask(
  client: Meilisearch,
  enqueued: EnqueuedTaskPromise | EnqueuedTask,
  timeoutMs: number,
  /** How often Meilisearch is asked: a bulk load's waits ask less often (each ask costs both sides CPU). */
  intervalMs = 25,
): Promise<Task> {
  const { taskUid } = await enqueued;
  // Polled here rather than by the client's waitForTask, which hands one abort signal to every poll:
  // each poll left a listener on it, so a wait of minutes (a 200,000-offer load) gathered thousands
  // (MaxListenersExceededWarning) until the wait ended. Each poll here has the client's own timeout.
  const deadline = performance.now() + timeoutMs;
  let task = await client.tasks.getTask(taskUid);
  while (task.status === 'enqueued' || task.status === 'processing') {
    if (performance.now() >= deadline) throw new MeilisearchTaskTimeOutError(taskUid, timeoutMs);
    await sleep(intervalMs);
    task = await client.tasks.getTask(taskUid);
  }
  if (task.status !== 'succeeded') {
    meiliTaskFailures.inc({ type: task.type });
    throw new MeiliTaskFailedError(task);
  }
  return task;
}
