import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { QUEUES, type JobPayload } from '@passerelle/core';
import type { IngestionSourceEntity } from '../infrastructure/ingestion-source.entity.js';

type RunPayload = JobPayload<typeof QUEUES.ingestSource, 'run'>;

/**
 * Producers and schedules of the `ingest-source` queue. A run is deduplicated by source while it
 * waits or runs, so asking twice is a no-op; once it has finished, a new request queues a new run.
 * Each source has exactly one schedule.
 */
@Injectable()
export class IngestionJobs {
  constructor(@InjectQueue(QUEUES.ingestSource) private readonly queue: Queue) {}

  runNow(source: string, trigger: RunPayload['trigger']): Promise<Job> {
    const payload: RunPayload = { source, trigger };
    return this.queue.add('run', payload, {
      deduplication: { id: `run-${source}` },
      attempts: 3,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: 100,
      removeOnFail: 500,
    });
  }

  /** Keeps the repeatable job of a source in line with its schedule (or removes it). */
  async syncSchedule(
    source: Pick<IngestionSourceEntity, 'name' | 'scheduleMinutes' | 'enabled' | 'kind'>,
  ): Promise<void> {
    const schedulerId = `schedule-${source.name}`;
    if (!source.enabled || !source.scheduleMinutes || source.kind === 'manual') {
      await this.queue.removeJobScheduler(schedulerId);
      return;
    }
    const payload: RunPayload = { source: source.name, trigger: 'schedule' };
    await this.queue.upsertJobScheduler(
      schedulerId,
      { every: source.scheduleMinutes * 60_000 },
      {
        name: 'run',
        data: payload,
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 30_000 },
          removeOnComplete: 100,
          removeOnFail: 500,
        },
      },
    );
  }
}
