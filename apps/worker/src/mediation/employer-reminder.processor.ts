import { Processor } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { type JobPayload, QUEUES } from '@passerelle/core';
import { RemindUnansweredEmployer } from '@passerelle/mediation';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

/** Delayed reminders: an employer who has not answered a card by then is followed up by the mediator. */
@Processor(QUEUES.mediation)
export class EmployerReminderProcessor extends GracefulWorkerHost {
  constructor(private readonly reminders: RemindUnansweredEmployer) {
    super();
  }

  protected async handle(job: Job): Promise<{ outcome: string }> {
    if (job.name !== 'employer-reminder')
      throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.mediation}`);
    const data = job.data as JobPayload<typeof QUEUES.mediation, 'employer-reminder'>;
    return { outcome: await this.reminders.execute(data.introductionId, data.linkId) };
  }
}
