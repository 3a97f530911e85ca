/**
 * The offers-index lock: the outbox consumer and a full reindex never write at the same time, so
 * changes made during a reindex wait in the outbox and reach the new index.
 */
export abstract class OfferIndexLock {
  /** Runs `work` holding the lock; with `wait: false`, returns null at once when someone else holds it. */
  abstract hold<T>(wait: boolean, work: () => Promise<T>): Promise<T | null>;
}
