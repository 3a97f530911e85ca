import type { EntityManager } from 'typeorm';
import type { Actor, AnonymousActor } from '../domain/actor.js';
import { type AuditAction, AuditLog, type AuditSubject } from '../application/ports/audit-log.js';

export interface RecordedAudit {
  readonly actor: Actor | AnonymousActor;
  readonly action: AuditAction;
  readonly subjects: readonly AuditSubject[];
  readonly details: Record<string, unknown>;
  /** Whether it was written in the caller's transaction (a manager was given). */
  readonly inTransaction: boolean;
}

/** The audit log as a list of what was recorded, in order. */
export class InMemoryAuditLog extends AuditLog {
  readonly entries: RecordedAudit[] = [];

  record(
    actor: Actor | AnonymousActor,
    action: AuditAction,
    subjects: readonly AuditSubject[],
    details: Record<string, unknown> = {},
    manager?: EntityManager,
  ): Promise<void> {
    // As the table: an access to nothing writes no row.
    if (subjects.length > 0)
      this.entries.push({ actor, action, subjects, details, inTransaction: manager !== undefined });
    return Promise.resolve();
  }
}
