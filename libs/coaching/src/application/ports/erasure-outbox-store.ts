import type { EntityManager } from 'typeorm';

export interface PendingErasure {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly cause: 'request' | 'retention';
  readonly handledBy: string[];
}

/** The `BeneficiaryErased` outbox: which handlers are done with each event. */
export abstract class ErasureOutboxStore {
  /** Recorded in coaching's erasure transaction, with the file's own statements. */
  abstract record(manager: EntityManager, beneficiaryId: string, cause: 'request' | 'retention'): Promise<void>;

  abstract pending(manager: EntityManager, limit: number): Promise<PendingErasure[]>;

  /**
   * The handlers done with the event, locked until the transaction ends; null when another worker
   * holds it (it waits its turn rather than running the same handler).
   */
  abstract lockHandledBy(manager: EntityManager, eventId: string): Promise<string[] | null>;

  abstract markHandled(manager: EntityManager, eventId: string, handler: string): Promise<void>;

  abstract countFailure(manager: EntityManager, eventId: string): Promise<void>;

  /** Marks the event complete when every handler of `handlers` is in; true when it did. */
  abstract completeIfHandledBy(manager: EntityManager, eventId: string, handlers: readonly string[]): Promise<boolean>;
}
