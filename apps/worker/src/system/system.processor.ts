import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUES, type JobPayload } from '@passerelle/core';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

export interface PingResult {
  readonly pongAt: string;
  readonly waitedMs: number;
}

@Processor(QUEUES.system)
export class SystemProcessor extends GracefulWorkerHost<typeof QUEUES.system> {
  protected readonly handlers: JobHandlers<typeof QUEUES.system> = {
    ping: (job, signal) => this.ping(job, signal),
  };

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
