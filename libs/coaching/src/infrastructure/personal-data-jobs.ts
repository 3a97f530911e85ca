import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES, TypedQueue } from '@passerelle/core';

const ERASURE_TICK_MS = 2_000;
const PHOTO_SWEEP_MS = 3_600_000;
/** How often the reminders due are looked for (they fall due at 10:00 Paris the day before). */
export const REMINDER_SWEEP_MS = 300_000;

/**
 * The producer of the `coaching` queue: personal-data housekeeping on schedules. The erasure outbox
 * is drained every two seconds (and so at once when a worker starts after an outage), orphan photo
 * files are swept hourly, the retention pass runs every night at 03:30 (Paris), the contact-rhythm
 * alerts are checked every morning at 07:00, and the reminders of tomorrow's appointments are sent
 * by a sweep every five minutes.
 */
@Injectable()
export class PersonalDataJobs {
  private readonly queue: TypedQueue<typeof QUEUES.coaching>;

  constructor(@InjectQueue(QUEUES.coaching) queue: Queue) {
    this.queue = new TypedQueue(queue);
  }

  /** `retentionApply` false: the nightly pass only reports. */
  async schedule(retentionApply: boolean): Promise<void> {
    await this.queue.schedule(
      'retention-daily',
      { pattern: '30 3 * * *', tz: 'Europe/Paris' },
      { name: 'retention', data: { apply: retentionApply }, opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
    await this.queue.schedule(
      'erasures',
      { every: ERASURE_TICK_MS },
      { name: 'erasures', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    await this.queue.schedule(
      'contact-rhythm-daily',
      { pattern: '0 7 * * *', tz: 'Europe/Paris' },
      { name: 'contact-rhythm', data: {}, opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
    await this.queue.schedule(
      'photo-sweep',
      { every: PHOTO_SWEEP_MS },
      { name: 'photo-sweep', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    await this.queue.schedule(
      'appointment-reminders',
      { every: REMINDER_SWEEP_MS },
      { name: 'appointment-reminders', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }
}
