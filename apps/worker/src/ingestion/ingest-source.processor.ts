import { Processor } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { DomainError, QUEUES, type JobPayload } from '@passerelle/core';
import { RunIngestion, type RunSummary } from '@passerelle/ingestion';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

type RunPayload = JobPayload<typeof QUEUES.ingestSource, 'run'>;

/**
 * Runs one source. The lock is short so that a run whose worker was killed is taken over within
 * seconds by the next worker; the run itself is idempotent, so starting it again loses nothing.
 */
@Processor(QUEUES.ingestSource, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class IngestSourceProcessor extends GracefulWorkerHost {
  constructor(private readonly ingestion: RunIngestion) {
    super();
  }

  protected async handle(job: Job, signal: AbortSignal): Promise<RunSummary | { skipped: string }> {
    if (job.name !== 'run') throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.ingestSource}`);
    const { source, trigger } = job.data as RunPayload;
    try {
      return await this.ingestion.execute(source, {
        trigger,
        signal,
        onProgress: (counts) => void job.updateProgress({ ...counts }).catch(() => undefined),
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'source.run_in_progress') return { skipped: error.message };
      // Retrying cannot fix a missing or misconfigured source; the run record says what happened.
      if (error instanceof DomainError && !error.retryable) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
