import { Processor } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUES, type JobPayload } from '@passerelle/core';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

export interface PingResult {
  readonly pongAt: string;
  readonly waitedMs: number;
}

@Processor(QUEUES.system)
export class SystemProcessor extends GracefulWorkerHost {
  protected async handle(job: Job, signal: AbortSignal): Promise<PingResult> {
    switch (job.name) {
      case 'ping':
        return this.ping(job as Job<JobPayload<typeof QUEUES.system, 'ping'>>, signal);
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on queue ${QUEUES.system}`);
    }
  }

  /** Waits `durationMs` in steps, reporting progress, then answers: proves a worker consumes jobs. */
  private async ping(job: Job<JobPayload<typeof QUEUES.system, 'ping'>>, signal: AbortSignal): Promise<PingResult> {
    const started = Date.now();
    const duration = Math.max(0, Math.min(job.data.durationMs, 10 * 60_000));
    while (Date.now() - started < duration) {
      signal.throwIfAborted();
      await sleep(Math.min(250, duration - (Date.now() - started)));
      await job.updateProgress(Math.round(((Date.now() - started) / duration) * 100));
    }
    return { pongAt: new Date().toISOString(), waitedMs: Date.now() - started };
  }
}
