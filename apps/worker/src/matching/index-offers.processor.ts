import { Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@passerelle/core';
import { IndexingJobs, SyncOffersIndex } from '@passerelle/matching';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

const TICK_MS = 1_000;

/**
 * Every second, drains the offer outbox into Meilisearch. A failed sync (Meilisearch down) throws,
 * BullMQ records it, and the next tick tries again with the rows still in the outbox.
 */
@Processor(QUEUES.indexOffers, { concurrency: 1 })
export class IndexOffersProcessor
  extends GracefulWorkerHost<typeof QUEUES.indexOffers>
  implements OnApplicationBootstrap
{
  constructor(
    private readonly sync: SyncOffersIndex,
    private readonly jobs: IndexingJobs,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.indexOffers> = {
    sync: () => this.sync.execute(),
  };

  override async onApplicationBootstrap(): Promise<void> {
    // One sync at a time whatever the concurrency setting: batches are ordered by the outbox.
    this.worker.concurrency = 1;
    await this.sync.prepare();
    await this.jobs.scheduleSync(TICK_MS);
  }
}
