import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';
import { IndexingJobs } from '../application/ports/indexing-jobs.js';

/** The `index-offers` queue in BullMQ. */
@Injectable()
export class BullIndexingJobs extends IndexingJobs {
  private readonly queue: TypedQueue<typeof QUEUES.indexOffers>;

  constructor(@InjectQueue(QUEUES.indexOffers) queue: Queue) {
    super();
    this.queue = new TypedQueue(queue);
  }

  async scheduleSync(everyMs: number): Promise<void> {
    await this.queue.schedule(
      'sync-outbox',
      { every: everyMs },
      { name: 'sync', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }
}
