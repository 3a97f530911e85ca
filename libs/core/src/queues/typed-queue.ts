import type { BulkJobOptions, Job, JobSchedulerTemplateOptions, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { JobName, JobPayload, QueueName } from './queue-contracts.js';

/** One job of queue `Q`, its payload checked against its name. */
export type JobOf<Q extends QueueName, O> = {
  readonly [J in JobName<Q>]: { readonly name: J; readonly data: JobPayload<Q, J>; readonly opts?: O };
}[JobName<Q>];

/**
 * A BullMQ queue that only takes the jobs of its contract (queue-contracts.ts): a payload that does
 * not match its job name does not compile. Each context's producer (`SystemJobs`, `IngestionJobs`,
 * `MediationJobs`…) wraps its queue in one, so no code adds an untyped job.
 */
export class TypedQueue<Q extends QueueName> {
  constructor(private readonly queue: Queue) {}

  add<J extends JobName<Q>>(name: J, data: JobPayload<Q, J>, opts?: JobsOptions): Promise<Job> {
    return this.queue.add(name, data, opts);
  }

  addBulk(jobs: ReadonlyArray<JobOf<Q, BulkJobOptions>>): Promise<Job[]> {
    return this.queue.addBulk(jobs.map((job) => ({ name: job.name, data: job.data, opts: job.opts })));
  }

  /** Creates or updates a repeatable job (idempotent: one scheduler per id). */
  schedule(id: string, repeat: Omit<RepeatOptions, 'key'>, job: JobOf<Q, JobSchedulerTemplateOptions>): Promise<Job> {
    return this.queue.upsertJobScheduler(id, repeat, { name: job.name, data: job.data, opts: job.opts });
  }

  unschedule(id: string): Promise<boolean> {
    return this.queue.removeJobScheduler(id);
  }
}
