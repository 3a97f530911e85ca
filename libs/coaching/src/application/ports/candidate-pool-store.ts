import type { EntityManager } from 'typeorm';
import type { ScopeCondition } from './beneficiary-access.js';
import type { DiagnosticRow } from './diagnostic-store.js';

/** A person in coaching with a diagnostic and a home commune, ready to be scored for an offer. */
export interface PoolRow extends DiagnosticRow {
  id: string;
  structure_id: string;
  first_name: string | null;
  last_name: string | null;
  commune_insee: string;
  referent_user_id: string | null;
  referent_name: string | null;
}

export interface CandidateCounts {
  readonly offers_proposed: number;
  readonly open_introductions: number;
  readonly proposed: boolean;
}

/** The people reverse matching ranks for an offer, read in one go. */
export abstract class CandidatePoolStore {
  /** Everyone in `scope` (its placeholders from 1) in coaching, with their diagnostic. */
  abstract pool(manager: EntityManager, scope: ScopeCondition): Promise<PoolRow[]>;

  /** For the people listed: offers proposed, introductions open, and whether this offer was proposed. */
  abstract counts(
    manager: EntityManager,
    offerId: string,
    ids: readonly string[],
  ): Promise<Map<string, CandidateCounts>>;
}
