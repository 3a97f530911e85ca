import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainError } from '@passerelle/core';
import { type Action, type Actor, AuditLog, type AuditAction, StructureTree } from '@passerelle/identity';
import type { CoachingStatus, ExitReason, RegionalPlatform } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';

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

export const NOT_FOUND = (): DomainError => coachingError('beneficiary.not_found', 'no beneficiary with this id');

/**
 * The one gate to beneficiaries' files: applies the access policy's scope (a coach their portfolio,
 * a manager their structures, platform staff only through introductions) and writes the audit row
 * of every access. Outside the scope a file does not exist (404), and an erased file is gone.
 */
@Injectable()
export class BeneficiaryAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  /** `firstParam`: the number of the first `$n` placeholder the condition may use. */
  async scope(actor: Actor, action: Action, firstParam = 1, manager?: EntityManager): Promise<ScopeCondition> {
    const { scope, structureIds } = await this.tree.reach(actor, action, manager);
    switch (scope) {
      case 'all':
        return { sql: 'true', params: [] };
      case 'structure_tree':
      case 'structure':
        return { sql: `b.structure_id = ANY($${firstParam}::uuid[])`, params: [structureIds ?? []] };
      case 'portfolio':
        return { sql: `b.referent_user_id = $${firstParam}`, params: [actor.userId] };
      // Introductions (IOD mediation) open a card, never the coaching file.
      case 'introductions':
      case 'self':
        return { sql: 'false', params: [] };
    }
  }

  /**
   * Loads a file the actor may act on, locks it when `manager` is a transaction, and records the
   * access. Throws 404 when it does not exist for this actor.
   */
  async open(
    actor: Actor,
    action: Action,
    id: string,
    audit: { action: AuditAction; details?: Record<string, unknown> },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BeneficiaryRow> {
    // Inside the caller's transaction: see StructureTree.subtree.
    const condition = await this.scope(actor, action, 2, manager);
    const rows: BeneficiaryRow[] = await manager.query(
      `SELECT b.* FROM beneficiary b WHERE b.id = $1 AND b.erased_at IS NULL AND (${condition.sql})
       ${manager.queryRunner?.isTransactionActive ? 'FOR UPDATE' : ''}`,
      [id, ...condition.params],
    );
    const row = rows.at(0);
    if (!row) throw NOT_FOUND();
    await this.audit.record(
      actor,
      audit.action,
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      audit.details ?? {},
      manager,
    );
    return row;
  }

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
