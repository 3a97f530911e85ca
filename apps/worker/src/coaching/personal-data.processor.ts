import { Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@passerelle/core';
import {
  CheckContactRhythm,
  ErasureHandlers,
  PersonalDataJobs,
  ProcessErasures,
  RunRetention,
  SendDueReminders,
  SweepOrphanPhotos,
} from '@passerelle/coaching';
import { ForgetSessionTraces, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { ForgetViewerAddresses } from '@passerelle/mediation';
import { GracefulWorkerHost } from '../graceful-worker-host.js';
import type { JobHandlers } from '../job-dispatch.js';

/**
 * The contexts that hold data about a person besides coaching: each registers its erasure handler.
 * The worker refuses to start when the set differs, so an event is never marked complete by a
 * process missing one of them.
 */
export const ERASURE_HANDLERS = ['mediation', 'outcomes'];

/**
 * Personal-data housekeeping on the `coaching` queue: the erasure outbox drained every two seconds
 * (and so at once when a worker starts after an outage), orphan photo files swept hourly, and the
 * retention pass every night at 03:30 (Paris), applied unless RETENTION_APPLY=false; the contact-rhythm
 * alerts every morning at 07:00; and the reminders of tomorrow's appointments (a sweep every five
 * minutes).
 */
@Processor(QUEUES.coaching, { concurrency: 1 })
export class PersonalDataProcessor
  extends GracefulWorkerHost<typeof QUEUES.coaching>
  implements OnApplicationBootstrap
{
  constructor(
    private readonly retention: RunRetention,
    private readonly erasures: ProcessErasures,
    private readonly erasureHandlers: ErasureHandlers,
    private readonly photoSweep: SweepOrphanPhotos,
    private readonly sessionTraces: ForgetSessionTraces,
    private readonly viewerAddresses: ForgetViewerAddresses,
    private readonly jobs: PersonalDataJobs,
    private readonly rhythm: CheckContactRhythm,
    private readonly reminders: SendDueReminders,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<typeof QUEUES.coaching> = {
    erasures: async (_job, signal) => {
      const report = await this.erasures.execute(signal);
      // Thrown so BullMQ records it; the events stay pending and the next tick tries again.
      if (report.failed > 0) throw new Error(`erasure: ${report.failed} handler runs failed, retried next tick`);
      return report;
    },
    'photo-sweep': () => this.photoSweep.execute(),
    // Counts only: job results live in Redis.
    'contact-rhythm': () => this.rhythm.execute(),
    'appointment-reminders': () => this.reminders.execute(),
    retention: async ({ data }) => {
      const report = await this.retention.execute(
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
    },
  };

  override async onApplicationBootstrap(): Promise<void> {
    const registered = this.erasureHandlers.names();
    if (registered.join() !== [...ERASURE_HANDLERS].sort().join())
      throw new Error(`erasure handlers: expected ${ERASURE_HANDLERS.join(', ')}, found ${registered.join(', ')}`);
    // One job at a time: the erasure pass and the retention pass never overlap in one worker.
    this.worker.concurrency = 1;
    await this.jobs.schedule(this.config.coaching.retentionApply);
  }
}
