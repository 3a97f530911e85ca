import { Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@passerelle/core';
import { FollowUpJobs, FollowUpScheduler, MarkFollowUpDue } from '@passerelle/outcomes';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

const RESYNC_MS = 3_600_000;

/**
 * Follow-up checkpoints: each delayed job turns its checkpoint into a task on its day. At start-up
 * and then hourly, `resync` rebuilds from PostgreSQL whatever Redis lost.
 */
@Processor(QUEUES.outcomes)
export class CheckpointProcessor extends GracefulWorkerHost<typeof QUEUES.outcomes> implements OnApplicationBootstrap {
  constructor(
    private readonly markDue: MarkFollowUpDue,
    private readonly scheduler: FollowUpScheduler,
    private readonly jobs: FollowUpJobs,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.outcomes> = {
    'checkpoint-due': async ({ data }) => ({ outcome: await this.markDue.execute(data.followUpId) }),
    resync: () => this.scheduler.resync(),
  };

  override async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.resync();
    await this.jobs.scheduleResync(RESYNC_MS);
  }
}
