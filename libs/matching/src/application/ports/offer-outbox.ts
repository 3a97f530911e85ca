import type { EntityManager } from 'typeorm';

/**
 * Outbox rows taken in a transaction left open: `complete` deletes them and commits, `abandon` rolls
 * back (the rows wait for the next try). Exactly one of the two must be called.
 */
export interface HeldOutboxBatch {
  readonly rows: ReadonlyArray<{ id: string; offer_id: string }>;
  /** The batch's own transaction: reads for the batch go through it, taking no other connection. */
  readonly manager: EntityManager;
  complete(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * The offer outbox: a row per offer change, written in the change's transaction by the offers
 * context, drained into the index in order.
 */
export abstract class OfferOutboxStore {
  /** The oldest rows, held until the transaction ends (another worker skips them). */
  abstract take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>>;

  abstract remove(manager: EntityManager, ids: readonly string[]): Promise<void>;

  /**
   * The oldest rows not held by another transaction, held in a transaction of their own that stays
   * open until `complete` or `abandon`: the sync reads the next batch while the previous one is
   * still being indexed.
   */
  abstract hold(limit: number): Promise<HeldOutboxBatch>;
}
