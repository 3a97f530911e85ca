import { type Job, UnrecoverableError } from 'bullmq';
import { DomainError, type JobName, type JobPayload, type QueueName } from '@passerelle/core';

/** One handler per job of queue `Q` (queue-contracts.ts), each given its own payload type. */
export type JobHandlers<Q extends QueueName> = {
  readonly [J in JobName<Q>]: (job: Job<JobPayload<Q, J>>, signal: AbortSignal) => Promise<unknown>;
};

type AnyHandler = (job: Job, signal: AbortSignal) => Promise<unknown>;

/**
 * The one dispatch point of every processor. A job whose name its queue's contract does not know,
 * and a `DomainError` that is not retryable (STYLE 5: a missing source, an unknown record), fail
 * the job for good (BullMQ's `UnrecoverableError`); anything else is thrown as it is, and BullMQ
 * retries it as the job's options say.
 */
export async function dispatchJob<Q extends QueueName>(
  handlers: JobHandlers<Q>,
  job: Job,
  signal: AbortSignal,
): Promise<unknown> {
  const handler: AnyHandler | undefined = Object.hasOwn(handlers, job.name)
    ? // The payload was typed by its producer (TypedQueue): the name picks the handler of that type.
      (handlers as unknown as Record<string, AnyHandler>)[job.name]
    : undefined;
  if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${job.queueName}`);
  try {
    return await handler(job, signal);
  } catch (error) {
    if (error instanceof DomainError && !error.retryable) throw new UnrecoverableError(error.message);
    throw error;
  }
}
