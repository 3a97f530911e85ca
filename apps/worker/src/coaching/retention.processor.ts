import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { type JobPayload, QUEUES } from '@passerelle/core';
import { PersonalData } from '@passerelle/coaching';
import { SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

/** The retention pass, every night at 03:30 (Paris): dry run unless RETENTION_APPLY=true. */
@Processor(QUEUES.coaching, { concurrency: 1 })
export class RetentionProcessor extends GracefulWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly personalData: PersonalData,
    @InjectQueue(QUEUES.coaching) private readonly queue: Queue,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'retention-daily',
      { pattern: '30 3 * * *', tz: 'Europe/Paris' },
      {
        name: 'retention',
        data: { apply: this.config.coaching.retentionApply },
        opts: { removeOnComplete: 30, removeOnFail: 30 },
      },
    );
  }

  protected async handle(job: Job): Promise<unknown> {
    if (job.name !== 'retention') throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.coaching}`);
    const data = job.data as JobPayload<typeof QUEUES.coaching, 'retention'>;
    const report = await this.personalData.retention(
      { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] },
      { apply: data.apply },
    );
    // Ids and counts only: job results live in Redis.
    return {
      apply: report.apply,
      due: report.due.length,
      anonymised: report.anonymised,
      noticesSent: report.noticesSent,
    };
  }
}
