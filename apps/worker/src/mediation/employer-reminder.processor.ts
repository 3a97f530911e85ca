import { Processor } from '@nestjs/bullmq';
import { QUEUES } from '@passerelle/core';
import { RemindUnansweredEmployer } from '@passerelle/mediation';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

/** Delayed reminders: an employer who has not answered a card by then is followed up by the mediator. */
@Processor(QUEUES.mediation)
export class EmployerReminderProcessor extends GracefulWorkerHost<typeof QUEUES.mediation> {
  constructor(private readonly reminders: RemindUnansweredEmployer) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.mediation> = {
    'employer-reminder': async ({ data }) => ({
      outcome: await this.reminders.execute(data.introductionId, data.linkId),
    }),
  };
}
