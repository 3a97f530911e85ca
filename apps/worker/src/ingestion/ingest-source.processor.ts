import { Processor } from '@nestjs/bullmq';
import { DomainError, QUEUES } from '@passerelle/core';
import { RunIngestion } from '@passerelle/ingestion';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

/**
 * Runs one source. The lock is short so that a run whose worker was killed is taken over within
 * seconds by the next worker; the run itself is idempotent, so starting it again loses nothing.
 * Retrying cannot fix a missing or misconfigured source: that error fails the job for good (the
 * dispatch), and the run record says what happened.
 */
@Processor(QUEUES.ingestSource, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class IngestSourceProcessor extends GracefulWorkerHost<typeof QUEUES.ingestSource> {
  constructor(private readonly ingestion: RunIngestion) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.ingestSource> = {
    run: async (job, signal) => {
      try {
        return await this.ingestion.execute(job.data.source, {
          trigger: job.data.trigger,
          signal,
          onProgress: (counts) => void job.updateProgress({ ...counts }).catch(() => undefined),
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'source.run_in_progress') return { skipped: error.message };
        throw error;
      }
    },
  };
}
