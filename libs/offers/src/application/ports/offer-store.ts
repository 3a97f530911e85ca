import type { EntityManager } from 'typeorm';
import type { NormalizedOffer, StaffClosedReason } from '../../domain/offer.js';

export interface OfferWrite {
  readonly offer: NormalizedOffer;
  readonly contentHash: string;
  readonly payloadHash: string | null;
}

export interface BatchOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Offers newly created or changed (their duplicates are checked, their index entry refreshed). */
  readonly changedIds: string[];
}

/**
 * Writes of offers (`offer`): batches from a run or a posting, closings, duplicate links. Every
 * created, changed or closed offer reaches the search index through the outbox, in the same transaction.
 */
export abstract class OfferStore {
  abstract applyBatch(
    source: string,
    runId: string | null,
    writes: readonly OfferWrite[],
    options?: { postedBy?: string; structureId?: string },
  ): Promise<BatchOutcome>;

  /** Closes the source's open offers a complete run did not see: they disappeared from the source. */
  abstract closeNotSeen(source: string, runId: string): Promise<number>;

  /**
   * Closes offers by hand (`manual`) or because the job was filled (`filled`); an offer already
   * closed takes the new reason and keeps its closing date. In the caller's transaction when given.
   */
  abstract close(ids: readonly string[], reason: StaffClosedReason, manager?: EntityManager): Promise<string[]>;

  /** Closes every open offer whose expiry date has passed. */
  abstract closeExpired(now?: Date): Promise<number>;

  /**
   * Links each given offer to an earlier open offer of another source that is the same job (see
   * DUPLICATE_THRESHOLDS); the earliest seen stays canonical. Returns how many were linked.
   */
  abstract linkDuplicates(offerIds: readonly string[]): Promise<number>;
}
