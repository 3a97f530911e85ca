import type { EntityManager } from 'typeorm';
import type { AidDecision, AidKind, EventKind } from '../../domain/coaching.js';
import type { NewEvent } from '../../domain/journal.js';

export interface EventView {
  readonly id: string;
  readonly kind: EventKind;
  readonly occurredOn: string;
  readonly note: string | null;
  readonly collective: boolean;
  readonly aid: { kind: AidKind; amount: number | null; decision: AidDecision } | null;
  readonly authorId: string;
}

/** The journal of contacts and actions; a deleted entry stays, marked, and is not listed. */
export abstract class JournalStore {
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<EventView[]>;

  abstract one(manager: EntityManager, beneficiaryId: string, eventId: string): Promise<EventView>;

  abstract insert(manager: EntityManager, beneficiaryId: string, input: NewEvent, authorId: string): Promise<string>;

  /** A live entry of the person, locked until the transaction ends, or null. */
  abstract lock(
    manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
  ): Promise<{ authorId: string; kind: EventKind; aidDecision: AidDecision | null } | null>;

  /** Marks the entry deleted (who, when) and returns when. */
  abstract markDeleted(manager: EntityManager, beneficiaryId: string, eventId: string, userId: string): Promise<Date>;

  /** Records the decision on a live aid request (the amount kept when none is given); false when there is no such request. */
  abstract decideAid(
    manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
    decision: AidDecision,
    amount: number | null,
  ): Promise<boolean>;
}
