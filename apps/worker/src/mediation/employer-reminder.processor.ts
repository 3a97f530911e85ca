import { Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@passerelle/core';
import { CardLinkJobs, RemindUnansweredEmployer, RemindUnansweredShortlists } from '@passerelle/mediation';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

/**
 * Employers who have not answered: a card's delayed reminder (the mediator follows up), and the
 * sweep that reminds a shortlist's contact once (every fifteen minutes, the app clock deciding).
 */
@Processor(QUEUES.mediation)
export class EmployerReminderProcessor
  extends GracefulWorkerHost<typeof QUEUES.mediation>
  implements OnApplicationBootstrap
{
  constructor(
    private readonly reminders: RemindUnansweredEmployer,
    private readonly shortlistReminders: RemindUnansweredShortlists,
    private readonly jobs: CardLinkJobs,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.mediation> = {
    'employer-reminder': async ({ data }) => ({
      outcome: await this.reminders.execute(data.introductionId, data.linkId),
    }),
    // Counts only: job results live in Redis.
    'shortlist-reminders': () => this.shortlistReminders.execute(),
  };

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.jobs.scheduleShortlistReminders();
  }
}
