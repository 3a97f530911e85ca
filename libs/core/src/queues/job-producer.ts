import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QUEUES, type JobName, type JobPayload } from './queue-contracts.js';

/** Typed producers: the only way code outside a processor adds jobs. */
@Injectable()
export class SystemJobs {
  constructor(@InjectQueue(QUEUES.system) private readonly queue: Queue) {}

  ping(durationMs = 0, options: JobsOptions = {}): Promise<Job> {
    return this.add('ping', { requestedAt: new Date().toISOString(), durationMs }, options);
  }

  private add<J extends JobName<typeof QUEUES.system>>(
    name: J,
    data: JobPayload<typeof QUEUES.system, J>,
    options: JobsOptions,
  ): Promise<Job> {
    return this.queue.add(name, data, { removeOnComplete: 1_000, removeOnFail: 5_000, attempts: 3, ...options });
  }

  get systemQueue(): Queue {
    return this.queue;
  }
}
