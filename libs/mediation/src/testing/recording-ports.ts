import type { EntityManager } from 'typeorm';
import type { Actor, AuditAction } from '@passerelle/identity';
import { CardLinkJobs } from '../application/ports/card-link-jobs.js';
import { PeopleAccessLog } from '../application/ports/people-access-log.js';

/** The reminders asked for, in order (nothing is queued). */
export class RecordingCardLinkJobs extends CardLinkJobs {
  readonly reminders: Array<{ introductionId: string; linkId: string; delayMs: number }> = [];

  remindEmployer(introductionId: string, linkId: string, delayMs: number): Promise<void> {
    this.reminders.push({ introductionId, linkId, delayMs });
    return Promise.resolve();
  }

  scheduleShortlistReminders(): Promise<void> {
    return Promise.resolve();
  }
}

/** The audited accesses to people's data, in order. */
export class RecordingPeopleAccessLog extends PeopleAccessLog {
  readonly entries: Array<{
    actor: Actor;
    action: AuditAction;
    beneficiaryIds: readonly string[];
    details: Record<string, unknown>;
  }> = [];

  record(
    _manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    beneficiaryIds: readonly string[],
    details: Record<string, unknown>,
  ): Promise<void> {
    if (beneficiaryIds.length > 0) this.entries.push({ actor, action, beneficiaryIds, details });
    return Promise.resolve();
  }
}
