import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QUEUES } from './queue-contracts.js';
import { TypedQueue } from './typed-queue.js';

/** The producer of the `system` queue. */
@Injectable()
export class SystemJobs {
  private readonly jobs: TypedQueue<typeof QUEUES.system>;

  constructor(@InjectQueue(QUEUES.system) private readonly queue: Queue) {
    this.jobs = new TypedQueue(queue);
  }

  ping(durationMs = 0, options: JobsOptions = {}): Promise<Job> {
    return this.jobs.add(
      'ping',
      { requestedAt: new Date().toISOString(), durationMs },
      { removeOnComplete: 1_000, removeOnFail: 5_000, attempts: 3, ...options },
    );
  }

  get systemQueue(): Queue {
    return this.queue;
  }
}
