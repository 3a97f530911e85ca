import { type BeforeApplicationShutdown, Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { APP_CONFIG, type QueueName, type ResolvedConfig, workerJobDuration, workerJobs } from '@passerelle/core';
import { dispatchJob, type JobHandlers } from './job-dispatch.js';

export class ShutdownAbortError extends Error {
  constructor() {
    super('worker shutting down: job given back to the queue');
    this.name = 'ShutdownAbortError';
  }
}

/**
 * Base of every processor: it names one handler per job of its queue, and `dispatchJob` runs them
 * (unknown job names and non-retryable domain errors fail for good). On shutdown it stops taking jobs and lets the ones in flight finish;
 * past SHUTDOWN_TIMEOUT_MS it moves them back to the wait list, so the next worker runs them again
 * at once (processors are idempotent) rather than after the stalled-job delay, and aborts their
 * signal so long handlers stop between two steps.
 */
export abstract class GracefulWorkerHost<Q extends QueueName>
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  private readonly inFlight = new Map<string, { job: Job; token: string | undefined; abort: AbortController }>();

  @Inject(APP_CONFIG) protected readonly config!: ResolvedConfig;

  /** The work of each job of the queue. Long handlers check `signal` between steps and stop when it aborts. */
  protected abstract readonly handlers: JobHandlers<Q>;

  async process(job: Job, token?: string): Promise<unknown> {
    const key = `${job.id}`;
    const abort = new AbortController();
    this.inFlight.set(key, { job, token, abort });
    const stopTimer = workerJobDuration.startTimer({ queue: job.queueName });
    let outcome = 'failed';
    try {
      const result = await dispatchJob(this.handlers, job, abort.signal);
      outcome = 'completed';
      return result;
    } finally {
      this.inFlight.delete(key);
      stopTimer();
      workerJobs.inc({ queue: job.queueName, job: job.name, outcome });
    }
  }

  // Async so that processors may extend it with their own start-up work (schedulers).
  // eslint-disable-next-line @typescript-eslint/require-await -- see above
  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const closing = this.worker.close();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      closing.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.config.worker.shutdownTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (finished) return;
    for (const { job, token, abort } of this.inFlight.values()) {
      await job.moveToWait(token);
      abort.abort(new ShutdownAbortError());
      this.logger.warn(`shutdown timeout: job ${job.id} (${job.name}) given back to the queue`);
    }
    await closing;
  }
}
