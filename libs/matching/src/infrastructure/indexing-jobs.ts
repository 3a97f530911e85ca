import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';

/** The producer of the `index-offers` queue: the tick that drains the offer outbox. */
@Injectable()
export class IndexingJobs {
  private readonly queue: TypedQueue<typeof QUEUES.indexOffers>;

  constructor(@InjectQueue(QUEUES.indexOffers) queue: Queue) {
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
