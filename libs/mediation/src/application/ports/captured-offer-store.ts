import type { EntityManager } from 'typeorm';

/** An offer captured or posted, with its first candidate. */
export interface CapturedOfferRow {
  id: string;
  title: string;
  employer_name: string | null;
  source: string;
  captured_at: Date;
  first_candidate_at: Date | null;
  hours: number;
  candidates: number;
}

/** Offers a structure captured or posted, with when each had its first candidate. */
export abstract class CapturedOfferStore {
  /**
   * Offers of `sources` first seen in the period (Paris days), of `structureIds` (null: all): the
   * first candidate is the first proposal of the offer to a person or the first introduction on it.
   */
  abstract delays(
    manager: EntityManager,
    sources: readonly string[],
    structureIds: readonly string[] | null,
    period: { from: string; to: string },
  ): Promise<CapturedOfferRow[]>;
}
