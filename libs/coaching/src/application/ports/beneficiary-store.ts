import type { EntityManager } from 'typeorm';
import type { CoachingStatus, ExitReason } from '../../domain/coaching.js';
import type { BeneficiaryRow, ScopeCondition } from './beneficiary-access.js';

export interface BeneficiarySummary {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly communeName: string | null;
  readonly postalCode: string | null;
  readonly structureId: string;
  readonly referentUserId: string | null;
  readonly status: CoachingStatus;
  readonly exitReason: ExitReason | null;
  readonly orientationDate: string;
  readonly endedOn: string | null;
  readonly cvDepositedOn: string | null;
}

export function toSummary(row: BeneficiaryRow): BeneficiarySummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    communeName: row.commune_name,
    postalCode: row.postal_code,
    structureId: row.structure_id,
    referentUserId: row.referent_user_id,
    status: row.status,
    exitReason: row.exit_reason,
    orientationDate: row.orientation_date,
    endedOn: row.ended_on,
    cvDepositedOn: row.cv_deposited_on,
  };
}

export interface Commune {
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCode: string;
}

/** Identity fields as stored (already trimmed; the e-mail lower-cased). */
export interface StoredIdentity {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly birthDate: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly commune: Commune | null;
}

/** Who followed the person, oldest first: each referent, who gave them the person and, above the cap, why. */
export interface ReferentHistoryEntry {
  readonly coachUserId: string;
  readonly coachName: string | null;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly capOverride: boolean;
  readonly assignedByUserId: string;
  readonly assignedByName: string | null;
  readonly reason: string | null;
}

/** A portfolio line: the person, their referent's name and what the alerts are computed from. */
export interface PortfolioRow extends BeneficiaryRow {
  referent_name: string | null;
  last_contact_on: string | null;
  followed_since: string;
  cer_start: string | null;
  cer_end: string | null;
  open_barriers: number;
  proposed_offers: number;
}

/** The person's row (`beneficiary`), their referents (`beneficiary_assignment`) and the portfolio read. */
export abstract class BeneficiaryStore {
  abstract insert(
    manager: EntityManager,
    structureId: string,
    identity: StoredIdentity & { readonly commune: Commune },
    orientationDate: string,
  ): Promise<BeneficiaryRow>;

  /** Rewrites the identity and the CV deposit (the caller merges the changes with the current row). */
  abstract updateIdentity(
    manager: EntityManager,
    id: string,
    identity: StoredIdentity & { readonly commune: Commune | null },
    cv: { readonly platform: string | null; readonly depositedOn: string | null },
    current: BeneficiaryRow,
  ): Promise<BeneficiaryRow>;

  /** A signed CER puts the person in coaching. */
  abstract startCoaching(manager: EntityManager, id: string): Promise<void>;

  /** The coaching ends (or the person is reoriented) on `on`. */
  abstract end(
    manager: EntityManager,
    id: string,
    end: { status: CoachingStatus; exitReason: ExitReason | null; reorientedTo: string | null; on: string },
  ): Promise<BeneficiaryRow>;

  /**
   * An active coach, locked until the transaction ends: locking the coach's row serialises
   * assignments to one coach, so two managers cannot both fill the last place.
   */
  abstract lockActiveCoach(
    manager: EntityManager,
    userId: string,
  ): Promise<{ id: string; displayName: string; structureId: string } | null>;

  /** How many active people the coach follows, `exceptId` aside. */
  abstract activeLoad(manager: EntityManager, coachUserId: string, exceptId: string): Promise<number>;

  /** Ends the current referent's assignment, opens the new one (who, and above the cap why) and names them. */
  abstract reassign(
    manager: EntityManager,
    id: string,
    assignment: { coachUserId: string; assignedBy: string; capOverride: boolean; reason: string | null },
  ): Promise<BeneficiaryRow>;

  /** What a card names of a person not erased: their first name (and their structure, for the audit row). */
  abstract cardIdentity(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; structureId: string; firstName: string | null } | null>;

  abstract referentName(manager: EntityManager, userId: string | null): Promise<string | null>;

  abstract referents(manager: EntityManager, id: string): Promise<ReferentHistoryEntry[]>;

  /**
   * The people in `scope` (its placeholders numbered from 3), of one referent or all, with the given
   * statuses (null: any).
   */
  abstract portfolio(
    manager: EntityManager,
    scope: ScopeCondition,
    coachUserId: string | null,
    statuses: readonly CoachingStatus[] | null,
  ): Promise<PortfolioRow[]>;
}
