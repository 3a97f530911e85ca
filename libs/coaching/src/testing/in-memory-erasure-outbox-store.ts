import type { EntityManager } from 'typeorm';
import { ErasureOutboxStore, type PendingErasure } from '../application/ports/erasure-outbox-store.js';

interface StoredErasure {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly cause: 'request' | 'retention';
  handledBy: string[];
  attempts: number;
  completed: boolean;
}

/** The `BeneficiaryErased` outbox in memory: events in the order recorded, with the handlers done. */
export class InMemoryErasureOutboxStore extends ErasureOutboxStore {
  readonly events: StoredErasure[] = [];

  override record(_manager: EntityManager, beneficiaryId: string, cause: 'request' | 'retention'): Promise<void> {
    this.events.push({
      id: String(this.events.length + 1),
      beneficiaryId,
      cause,
      handledBy: [],
      attempts: 0,
      completed: false,
    });
    return Promise.resolve();
  }

  override pending(_manager: EntityManager, limit: number): Promise<PendingErasure[]> {
    return Promise.resolve(
      this.events
        .filter((event) => !event.completed)
        .slice(0, limit)
        .map((event) => ({
          id: event.id,
          beneficiaryId: event.beneficiaryId,
          cause: event.cause,
          handledBy: [...event.handledBy],
        })),
    );
  }

  override lockHandledBy(_manager: EntityManager, eventId: string): Promise<string[] | null> {
    const event = this.event(eventId);
    return Promise.resolve(event ? [...event.handledBy] : null);
  }

  override markHandled(_manager: EntityManager, eventId: string, handler: string): Promise<void> {
    this.event(eventId)?.handledBy.push(handler);
    return Promise.resolve();
  }

  override countFailure(_manager: EntityManager, eventId: string): Promise<void> {
    const event = this.event(eventId);
    if (event) event.attempts += 1;
    return Promise.resolve();
  }

  override completeIfHandledBy(
    _manager: EntityManager,
    eventId: string,
    handlers: readonly string[],
  ): Promise<boolean> {
    const event = this.event(eventId);
    if (!event || event.completed || !handlers.every((name) => event.handledBy.includes(name)))
      return Promise.resolve(false);
    event.completed = true;
    return Promise.resolve(true);
  }

  private event(eventId: string): StoredErasure | undefined {
    return this.events.find((event) => event.id === eventId);
  }
}
