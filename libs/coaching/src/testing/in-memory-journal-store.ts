import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type EventView, JournalStore } from '../application/ports/journal-store.js';
import type { AidDecision, EventKind } from '../domain/coaching.js';
import type { NewEvent } from '../domain/journal.js';

interface StoredEvent {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly kind: EventKind;
  readonly occurredOn: string;
  note: string | null;
  readonly collective: boolean;
  readonly aidKind: NonNullable<NewEvent['aid']>['kind'] | null;
  aidAmount: number | null;
  aidDecision: AidDecision | null;
  readonly authorId: string;
  deletedAt: Date | null;
  deletedBy: string | null;
}

/** The journal in memory; a deleted entry stays, marked, and is not listed. */
export class InMemoryJournalStore extends JournalStore {
  readonly events: StoredEvent[] = [];

  override list(_manager: EntityManager, beneficiaryId: string): Promise<EventView[]> {
    return Promise.resolve(
      this.events
        .filter((event) => event.beneficiaryId === beneficiaryId && event.deletedAt === null)
        .reverse()
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))
        .map((event) => ({
          id: event.id,
          kind: event.kind,
          occurredOn: event.occurredOn,
          note: event.note,
          collective: event.collective,
          aid: event.aidKind
            ? { kind: event.aidKind, amount: event.aidAmount, decision: event.aidDecision ?? 'pending' }
            : null,
          authorId: event.authorId,
        })),
    );
  }

  override async one(manager: EntityManager, beneficiaryId: string, eventId: string): Promise<EventView> {
    return (await this.list(manager, beneficiaryId)).find((event) => event.id === eventId)!;
  }

  override insert(_manager: EntityManager, beneficiaryId: string, input: NewEvent, authorId: string): Promise<string> {
    const id = randomUUID();
    this.events.push({
      id,
      beneficiaryId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      note: input.note ?? null,
      collective: input.collective ?? false,
      aidKind: input.aid?.kind ?? null,
      aidAmount: input.aid?.amount ?? null,
      aidDecision: input.aid ? (input.aid.decision ?? 'pending') : null,
      authorId,
      deletedAt: null,
      deletedBy: null,
    });
    return Promise.resolve(id);
  }

  override lock(
    _manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
  ): Promise<{ authorId: string; kind: EventKind; aidDecision: AidDecision | null } | null> {
    const event = this.live(beneficiaryId, eventId);
    return Promise.resolve(
      event ? { authorId: event.authorId, kind: event.kind, aidDecision: event.aidDecision } : null,
    );
  }

  override markDeleted(_manager: EntityManager, beneficiaryId: string, eventId: string, userId: string): Promise<Date> {
    const event = this.events.find((stored) => stored.id === eventId && stored.beneficiaryId === beneficiaryId)!;
    event.deletedAt = new Date();
    event.deletedBy = userId;
    return Promise.resolve(event.deletedAt);
  }

  override decideAid(
    _manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
    decision: AidDecision,
    amount: number | null,
  ): Promise<boolean> {
    const event = this.live(beneficiaryId, eventId);
    if (!event || event.kind !== 'aid_request') return Promise.resolve(false);
    event.aidDecision = decision;
    event.aidAmount = amount ?? event.aidAmount;
    return Promise.resolve(true);
  }

  private live(beneficiaryId: string, eventId: string): StoredEvent | undefined {
    return this.events.find(
      (event) => event.id === eventId && event.beneficiaryId === beneficiaryId && event.deletedAt === null,
    );
  }
}
