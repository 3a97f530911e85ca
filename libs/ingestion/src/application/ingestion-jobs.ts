import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { QUEUES, type JobPayload, TypedQueue } from '@passerelle/core';
import type { IngestionSourceEntity } from '../infrastructure/ingestion-source.entity.js';

type RunPayload = JobPayload<typeof QUEUES.ingestSource, 'run'>;

/**
 * Producers and schedules of the `ingest-source` queue. A run is deduplicated by source while it
 * waits or runs, so asking twice is a no-op; once it has finished, a new request queues a new run.
 * Each source has exactly one schedule.
 */
@Injectable()
export class IngestionJobs {
  private readonly queue: TypedQueue<typeof QUEUES.ingestSource>;

  constructor(@InjectQueue(QUEUES.ingestSource) queue: Queue) {
    this.queue = new TypedQueue(queue);
  }

  runNow(source: string, trigger: RunPayload['trigger']): Promise<Job> {
    return this.queue.add(
      'run',
      { source, trigger },
      {
        deduplication: { id: `run-${source}` },
        attempts: 3,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: 100,
        removeOnFail: 500,
      },
    );
  }

  /** Keeps the repeatable job of a source in line with its schedule (or removes it). */
  async syncSchedule(
    source: Pick<IngestionSourceEntity, 'name' | 'scheduleMinutes' | 'enabled' | 'kind'>,
  ): Promise<void> {
    const schedulerId = `schedule-${source.name}`;
    if (!source.enabled || !source.scheduleMinutes || source.kind === 'manual') {
      await this.queue.unschedule(schedulerId);
      return;
    }
    await this.queue.schedule(
      schedulerId,
      { every: source.scheduleMinutes * 60_000 },
      {
        name: 'run',
        data: { source: source.name, trigger: 'schedule' },
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
