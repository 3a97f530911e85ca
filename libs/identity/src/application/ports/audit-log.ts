import type { EntityManager } from 'typeorm';
import type { Actor, AnonymousActor } from '../../domain/actor.js';

export type AuditAction =
  'read' | 'list' | 'create' | 'update' | 'delete' | 'export' | 'share' | 'login' | 'login_failed';

export interface AuditSubject {
  readonly type: string;
  readonly id: string;
  /** The structure the record belongs to: managers query the log of their structures. */
  readonly structureId?: string | null;
}

/**
 * Writes one row per access to a person's data: who, when, what record, what action, from which
 * request. Append only. `manager`: the transaction the access belongs to, when it has one.
 */
export abstract class AuditLog {
  abstract record(
    actor: Actor | AnonymousActor,
    action: AuditAction,
    subjects: readonly AuditSubject[],
    details?: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void>;
}
