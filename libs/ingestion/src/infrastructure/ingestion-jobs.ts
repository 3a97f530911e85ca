import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';
import { IngestionJobs, type RunRequestTrigger } from '../application/ports/ingestion-jobs.js';
import type { StoredSource } from '../application/ports/source-store.js';

/** The `ingest-source` queue in BullMQ. */
@Injectable()
export class BullIngestionJobs extends IngestionJobs {
  private readonly queue: TypedQueue<typeof QUEUES.ingestSource>;

  constructor(@InjectQueue(QUEUES.ingestSource) queue: Queue) {
    super();
    this.queue = new TypedQueue(queue);
  }

  runNow(source: string, trigger: RunRequestTrigger): Promise<Job> {
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

  async syncSchedule(source: Pick<StoredSource, 'name' | 'scheduleMinutes' | 'enabled' | 'kind'>): Promise<void> {
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
