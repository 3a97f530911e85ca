import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';

export const checkpointJobId = (followUpId: string): string => `checkpoint-${followUpId}`;

/**
 * The producer of the `outcomes` queue: one delayed job per open checkpoint (its id is the
 * checkpoint's, so adding twice is harmless) and the hourly resync.
 */
@Injectable()
export class FollowUpJobs {
  private readonly queue: TypedQueue<typeof QUEUES.outcomes>;

  constructor(@InjectQueue(QUEUES.outcomes) queue: Queue) {
    this.queue = new TypedQueue(queue);
  }

  async checkpointsDue(checkpoints: ReadonlyArray<{ followUpId: string; delayMs: number }>): Promise<void> {
    if (checkpoints.length === 0) return;
    await this.queue.addBulk(
      checkpoints.map((checkpoint) => ({
        name: 'checkpoint-due' as const,
        data: { followUpId: checkpoint.followUpId },
        opts: {
          jobId: checkpointJobId(checkpoint.followUpId),
          delay: checkpoint.delayMs,
          removeOnComplete: 1000,
          removeOnFail: 1000,
        },
      })),
    );
  }

  async scheduleResync(everyMs: number): Promise<void> {
    await this.queue.schedule(
      'follow-up-resync-hourly',
      { every: everyMs },
      { name: 'resync', data: {}, opts: { removeOnComplete: 24, removeOnFail: 24 } },
    );
  }
}
