import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';
import { CardLinkJobs } from '../application/ports/card-link-jobs.js';

/** How often the shortlists left unanswered are looked for (their delay counts in working days). */
export const SHORTLIST_REMINDER_SWEEP_MS = 900_000;

/** The producer of the `mediation` queue: delayed reminders of card links, the shortlists' reminder sweep. */
@Injectable()
export class BullCardLinkJobs extends CardLinkJobs {
  private readonly queue: TypedQueue<typeof QUEUES.mediation>;

  constructor(@InjectQueue(QUEUES.mediation) queue: Queue) {
    super();
    this.queue = new TypedQueue(queue);
  }

  /** A reminder for this link after `delayMs`; one per link (its job id), so adding it twice is a no-op. */
  async remindEmployer(introductionId: string, linkId: string, delayMs: number): Promise<void> {
    await this.queue.add(
      'employer-reminder',
      { introductionId, linkId },
      { delay: delayMs, jobId: `reminder-${linkId}`, removeOnComplete: 100, removeOnFail: 100 },
    );
  }

  async scheduleShortlistReminders(): Promise<void> {
    await this.queue.schedule(
      'shortlist-reminders',
      { every: SHORTLIST_REMINDER_SWEEP_MS },
      { name: 'shortlist-reminders', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }
}
