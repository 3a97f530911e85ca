import type { EntityManager } from 'typeorm';
import type { ScopeCondition } from './beneficiary-access.js';
import type { DiagnosticRow } from './diagnostic-store.js';

/**
 * A person in coaching with a diagnostic and a home commune, ready to be scored for an offer: which
 * version of their diagnostic is current, not the diagnostic itself (reverse matching keeps the
 * profiles it has read; see RankPeopleForOffer), and no name: names are read for the people listed.
 */
export interface PoolRow {
  id: string;
  structure_id: string;
  commune_insee: string;
  /** Changes whenever the diagnostic is saved (its `updated_at` to the microsecond, as text). */
  diagnostic_version: string;
}

/**
 * The pool as a version of the database has it. `rows` is null when that version is still the one the
 * caller kept (nothing the pool reads can have changed since); `version` is null when the database
 * cannot tell (its version rows are gone), and such a pool is not to be kept.
 */
export interface PoolRead {
  readonly version: string | null;
  readonly rows: readonly PoolRow[] | null;
}

/** A diagnostic with the person it belongs to and its version (see PoolRow). */
export interface PoolDiagnosticRow extends DiagnosticRow {
  beneficiary_id: string;
  diagnostic_version: string;
}

/** What the list shows of a person ranked for an offer. */
export interface CandidateDetails {
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly referent_user_id: string | null;
  readonly referent_name: string | null;
  readonly offers_proposed: number;
  readonly open_introductions: number;
  readonly proposed: boolean;
}

/** The people reverse matching ranks for an offer. */
export abstract class CandidatePoolStore {
  /**
   * Everyone in `scope` (its placeholders from 1) in coaching with a diagnostic and a commune, unless
   * the version is still `since`; the version is read in the same statement (the same snapshot).
   */
  abstract pool(manager: EntityManager, scope: ScopeCondition, since: string | null): Promise<PoolRead>;

  /** The diagnostics of these people (those not already read at their current version). */
  abstract diagnostics(manager: EntityManager, ids: readonly string[]): Promise<PoolDiagnosticRow[]>;

  /**
   * For the people listed: name, referent, offers proposed, introductions open, and whether this
   * offer was proposed to them.
   */
  abstract details(
    manager: EntityManager,
    offerId: string,
    ids: readonly string[],
  ): Promise<Map<string, CandidateDetails>>;
}
