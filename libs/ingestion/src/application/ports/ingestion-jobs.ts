import type { JobPayload, QUEUES } from '@passerelle/core';
import type { StoredSource } from './source-store.js';

export type RunRequestTrigger = JobPayload<typeof QUEUES.ingestSource, 'run'>['trigger'];

/**
 * Producers and schedules of the `ingest-source` queue. A run is deduplicated by source while it
 * waits or runs, so asking twice is a no-op; once it has finished, a new request queues a new run.
 * Each source has exactly one schedule.
 */
export abstract class IngestionJobs {
  /** Queues a run of the source; answers the queued job's id. */
  abstract runNow(source: string, trigger: RunRequestTrigger): Promise<{ readonly id?: string }>;

  /** Keeps the repeatable job of a source in line with its schedule (or removes it). */
  abstract syncSchedule(source: Pick<StoredSource, 'name' | 'scheduleMinutes' | 'enabled' | 'kind'>): Promise<void>;
}
