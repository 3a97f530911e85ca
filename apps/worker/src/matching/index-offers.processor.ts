import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { QUEUES } from '@passerelle/core';
import { type SyncReport, SyncOffersIndex } from '@passerelle/matching';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

const TICK_MS = 1_000;

/**
 * Every second, drains the offer outbox into Meilisearch. A failed sync (Meilisearch down) throws,
 * BullMQ records it, and the next tick tries again with the rows still in the outbox.
 */
@Processor(QUEUES.indexOffers, { concurrency: 1 })
export class IndexOffersProcessor extends GracefulWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sync: SyncOffersIndex,
    @InjectQueue(QUEUES.indexOffers) private readonly queue: Queue,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    // One sync at a time whatever the concurrency setting: batches are ordered by the outbox.
    this.worker.concurrency = 1;
    await this.sync.prepare();
    await this.queue.upsertJobScheduler(
      'sync-outbox',
      { every: TICK_MS },
      { name: 'sync', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }

  protected async handle(job: Job): Promise<SyncReport> {
    if (job.name !== 'sync') throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.indexOffers}`);
    return this.sync.execute();
  }
}
