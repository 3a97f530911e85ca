/**
 * The offer outbox: a row per offer change, written in the change's transaction by the offers
 * context, drained into the index in order by one sync at a time (the offers-index lock).
 */
export abstract class OfferOutboxStore {
  /** The oldest rows after `afterId` (from the start when null), in order. */
  abstract next(afterId: string | null, limit: number): Promise<Array<{ id: string; offer_id: string }>>;

  /** Removes rows handled. */
  abstract remove(ids: readonly string[]): Promise<void>;
}
