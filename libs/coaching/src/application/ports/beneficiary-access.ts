import type { EntityManager } from 'typeorm';
import type { Action, Actor, AuditAction } from '@passerelle/identity';
import type { CoachingStatus, ExitReason, RegionalPlatform } from '../../domain/coaching.js';
import type { ReceivedShare } from './share-store.js';

export interface BeneficiaryRow {
  id: string;
  structure_id: string;
  referent_user_id: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  commune_insee: string | null;
  /** Derived from the commune by the database; kept after erasure (the indicators' territory). */
  home_departement: string | null;
  commune_name: string | null;
  postal_code: string | null;
  orientation_date: string;
  status: CoachingStatus;
  exit_reason: ExitReason | null;
  reoriented_to: string | null;
  ended_on: string | null;
  cv_platform: RegionalPlatform | null;
  cv_deposited_on: string | null;
  erased_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** SQL condition (on alias `b`) selecting the beneficiaries an actor reaches, with its parameters. */
export interface ScopeCondition {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * The one gate to beneficiaries' files: applies the access policy's scope (a coach their portfolio,
 * a manager their structures, platform staff only through introductions) and writes the audit row
 * of every access. Outside the scope a file does not exist (404), and an erased file is gone.
 */
export abstract class BeneficiaryAccess {
  /** `firstParam`: the number of the first `$n` placeholder the condition may use. */
  abstract scope(actor: Actor, action: Action, firstParam?: number, manager?: EntityManager): Promise<ScopeCondition>;

  /**
   * The same scope, as a condition that finds the actor's structures itself (a subquery) instead of
   * after a query of its own: for a caller whose next step is the one query that uses it (reverse
   * matching's pool), it saves a round trip before that query.
   */
  abstract scopeInQuery(actor: Actor, action: Action, firstParam?: number): ScopeCondition;

  /**
   * Loads a file the actor may act on, locks it when `manager` is a transaction, and records the
   * access. Throws 404 when it does not exist for this actor.
   */
  abstract open(
    actor: Actor,
    action: Action,
    id: string,
    audit: { action: AuditAction; details?: Record<string, unknown> },
    manager?: EntityManager,
  ): Promise<BeneficiaryRow>;

  /**
   * Opens, to read, a file shared with the actor (a coach) by a share in force on `today` (the
   * "shared with them" part of the portfolio scope), and records the access as a shared one.
   * Throws 404 when no share in force gives it to them.
   */
  abstract openShared(
    actor: Actor,
    id: string,
    today: string,
    manager?: EntityManager,
  ): Promise<{ row: BeneficiaryRow; share: ReceivedShare }>;

  /** Opens a file to change one of its parts, inside the caller's transaction (locked, audited). */
  openForUpdate(
    actor: Actor,
    id: string,
    part: string,
    manager: EntityManager,
    details: Record<string, unknown> = {},
  ): Promise<BeneficiaryRow> {
    return this.open(actor, 'beneficiaries.write', id, { action: 'update', details: { part, ...details } }, manager);
  }

  /** Is the actor this person's referent coach (the only one who reads health notes)? */
  static isReferent(actor: Actor, row: BeneficiaryRow): boolean {
    return row.referent_user_id === actor.userId && actor.roles.includes('coach');
  }
}
