import type { EntityManager } from 'typeorm';
import type { BarrierInput } from '../../domain/barrier.js';
import type { BarrierKind, BarrierStatus } from '../../domain/coaching.js';

export interface BarrierView {
  readonly id: string;
  readonly kind: BarrierKind;
  readonly status: BarrierStatus;
  readonly description: string | null;
  readonly actions: string | null;
  /** Health barriers only, and only for the referent coach; `null` for everyone else. */
  readonly healthNote?: string | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

/** Barriers and the health notes kept apart from them. */
export abstract class BarrierStore {
  /** `withHealth`: the reader is the referent coach, the only one who reads health notes. */
  abstract list(manager: EntityManager, beneficiaryId: string, withHealth: boolean): Promise<BarrierView[]>;

  abstract one(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    withHealth: boolean,
  ): Promise<BarrierView>;

  /** The kind of a barrier of this person, or null when they have no such barrier. */
  abstract kindOf(manager: EntityManager, beneficiaryId: string, barrierId: string): Promise<BarrierKind | null>;

  /** Inserts the barrier (a health barrier keeps no description) and returns its id. */
  abstract insert(manager: EntityManager, beneficiaryId: string, input: BarrierInput): Promise<string>;

  /** Changes what is given; `resolvedAt` follows the status (set on resolving, cleared on reopening). */
  abstract update(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    changes: Partial<BarrierInput>,
  ): Promise<void>;

  abstract addHealthNote(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    note: string,
    userId: string,
  ): Promise<void>;

  abstract writeHealthNote(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    note: string,
    userId: string,
  ): Promise<void>;

  abstract deleteHealthNote(manager: EntityManager, barrierId: string): Promise<void>;
}
