import type { EntityManager } from 'typeorm';

/**
 * The offer outbox: a row per offer change, written in the change's transaction by the offers
 * context, drained into the index in order.
 */
export abstract class OfferOutboxStore {
  /** The oldest rows, held until the transaction ends (another worker skips them). */
  abstract take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>>;

  abstract remove(manager: EntityManager, ids: readonly string[]): Promise<void>;
}
