import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { type JobPayload, QUEUES } from '@passerelle/core';
import { FollowUps, FollowUpScheduler } from '@passerelle/outcomes';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

/**
 * Follow-up checkpoints: each delayed job turns its checkpoint into a task on its day. At start-up
 * and then hourly, `resync` rebuilds from PostgreSQL whatever Redis lost.
 */
@Processor(QUEUES.outcomes)
export class CheckpointProcessor extends GracefulWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly followUps: FollowUps,
    private readonly scheduler: FollowUpScheduler,
    @InjectQueue(QUEUES.outcomes) private readonly queue: Queue,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.resync();
    await this.queue.upsertJobScheduler(
      'follow-up-resync-hourly',
      { every: 3_600_000 },
      { name: 'resync', data: {}, opts: { removeOnComplete: 24, removeOnFail: 24 } },
    );
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'checkpoint-due': {
        const data = job.data as JobPayload<typeof QUEUES.outcomes, 'checkpoint-due'>;
        return { outcome: await this.followUps.markDue(data.followUpId) };
      }
      case 'resync':
        return this.scheduler.resync();
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.outcomes}`);
    }
  }
}
