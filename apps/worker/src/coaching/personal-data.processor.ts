import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { type JobPayload, QUEUES } from '@passerelle/core';
import { ErasureHandlers, ManagePhoto, PersonalData, ProcessErasures } from '@passerelle/coaching';
import { ForgetSessionTraces, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ForgetViewerAddresses } from '@passerelle/mediation';
import { GracefulWorkerHost } from '../graceful-worker-host.js';

/**
 * The contexts that hold data about a person besides coaching: each registers its erasure handler.
 * The worker refuses to start when the set differs, so an event is never marked complete by a
 * process missing one of them.
 */
export const ERASURE_HANDLERS = ['mediation', 'outcomes'];

const ERASURE_TICK_MS = 2_000;
const PHOTO_SWEEP_MS = 3_600_000;

/**
 * Personal-data housekeeping on the `coaching` queue: the erasure outbox drained every two seconds
 * (and so at once when a worker starts after an outage), orphan photo files swept hourly, and the
 * retention pass every night at 03:30 (Paris), applied unless RETENTION_APPLY=false.
 */
@Processor(QUEUES.coaching, { concurrency: 1 })
export class PersonalDataProcessor extends GracefulWorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly personalData: PersonalData,
    private readonly erasures: ProcessErasures,
    private readonly handlers: ErasureHandlers,
    private readonly photos: ManagePhoto,
    private readonly sessionTraces: ForgetSessionTraces,
    private readonly viewerAddresses: ForgetViewerAddresses,
    @InjectQueue(QUEUES.coaching) private readonly queue: Queue,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    const registered = this.handlers.names();
    if (registered.join() !== [...ERASURE_HANDLERS].sort().join())
      throw new Error(`erasure handlers: expected ${ERASURE_HANDLERS.join(', ')}, found ${registered.join(', ')}`);
    // One job at a time: the erasure pass and the retention pass never overlap in one worker.
    this.worker.concurrency = 1;
    await this.queue.upsertJobScheduler(
      'retention-daily',
      { pattern: '30 3 * * *', tz: 'Europe/Paris' },
      {
        name: 'retention',
        data: { apply: this.config.coaching.retentionApply },
        opts: { removeOnComplete: 30, removeOnFail: 30 },
      },
    );
    await this.queue.upsertJobScheduler(
      'erasures',
      { every: ERASURE_TICK_MS },
      { name: 'erasures', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    await this.queue.upsertJobScheduler(
      'photo-sweep',
      { every: PHOTO_SWEEP_MS },
      { name: 'photo-sweep', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }

  protected async handle(job: Job, signal: AbortSignal): Promise<unknown> {
    switch (job.name) {
      case 'erasures': {
        const report = await this.erasures.execute(signal);
        // Thrown so BullMQ records it; the events stay pending and the next tick tries again.
        if (report.failed > 0) throw new Error(`erasure: ${report.failed} handler runs failed, retried next tick`);
        return report;
      }
      case 'photo-sweep':
        return this.photos.sweepOrphans();
      case 'retention': {
        const data = job.data as JobPayload<typeof QUEUES.coaching, 'retention'>;
        const report = await this.personalData.retention(
          { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] },
          { apply: data.apply },
        );
        const sessions = await this.sessionTraces.execute();
        const views = await this.viewerAddresses.execute();
        // Ids and counts only: job results live in Redis.
        return {
          apply: report.apply,
          due: report.due.length,
          anonymised: report.anonymised,
          noticesSent: report.noticesSent,
          sessionTracesForgotten: sessions.tokens,
          viewerAddressesForgotten: views.views,
        };
      }
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${QUEUES.coaching}`);
    }
  }
}
