import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainError } from '@passerelle/core';
import {
  type Action,
  type Actor,
  AuditLog,
  type AuditAction,
  identityError,
  type Scope,
  scopeFor,
  StructureTree,
} from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import {
  BeneficiaryAccess,
  type BeneficiaryRow,
  type ScopeCondition,
} from '../application/ports/beneficiary-access.js';
import { type ReceivedShare, ShareStore } from '../application/ports/share-store.js';

export const NOT_FOUND = (): DomainError => coachingError('beneficiary.not_found', 'no beneficiary with this id');

/** BeneficiaryAccess on PostgreSQL: the scope is an SQL condition, the file's row is locked in a transaction. */
@Injectable()
export class SqlBeneficiaryAccess extends BeneficiaryAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    private readonly shares: ShareStore,
  ) {
    super();
  }

  override async scope(actor: Actor, action: Action, firstParam = 1, manager?: EntityManager): Promise<ScopeCondition> {
    const { scope, structureIds } = await this.tree.reach(actor, action, manager);
    return scopeCondition(scope, actor, firstParam, { sql: `ANY($${firstParam}::uuid[])`, param: structureIds ?? [] });
  }

  override scopeInQuery(actor: Actor, action: Action, firstParam = 1): ScopeCondition {
    const scope = scopeFor(actor.roles, action);
    if (scope === null) throw identityError('auth.forbidden', `not allowed: ${action}`);
    // The subtree as identity's StructureStore.subtree reads it, through the view published to coaching.
    const subtree = `ANY (ARRAY(WITH RECURSIVE tree AS (
        SELECT id FROM identity_structure_v WHERE id = $${firstParam}::uuid
        UNION
        SELECT s.id FROM identity_structure_v s JOIN tree t ON s.parent_id = t.id
      ) SELECT id FROM tree))`;
    return scopeCondition(
      scope,
      actor,
      firstParam,
      scope === 'structure_tree'
        ? { sql: subtree, param: actor.structureId }
        : { sql: `ANY($${firstParam}::uuid[])`, param: [actor.structureId] },
    );
  }

  override async open(
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

  override async openShared(
    actor: Actor,
    id: string,
    today: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ row: BeneficiaryRow; share: ReceivedShare }> {
    const share = actor.roles.includes('coach') ? await this.shares.inForce(manager, id, actor.userId, today) : null;
    if (!share) throw NOT_FOUND();
    const rows: BeneficiaryRow[] = await manager.query(
      'SELECT b.* FROM beneficiary b WHERE b.id = $1 AND b.erased_at IS NULL',
      [id],
    );
    const row = rows.at(0);
    if (!row) throw NOT_FOUND();
    await this.audit.record(
      actor,
      'read',
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      { via: 'share', shareId: share.id, parts: share.parts, healthNoteVisible: share.healthNoteVisible },
      manager,
    );
    return { row, share };
  }
}

/** The scope as a condition on alias `b`; `structures`: what a structure scope compares with, and its parameter. */
function scopeCondition(
  scope: Scope,
  actor: Actor,
  firstParam: number,
  structures: { readonly sql: string; readonly param: unknown },
): ScopeCondition {
  switch (scope) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'structure_tree':
    case 'structure':
      return { sql: `b.structure_id = ${structures.sql}`, params: [structures.param] };
    case 'portfolio':
      return { sql: `b.referent_user_id = $${firstParam}`, params: [actor.userId] };
    // Introductions (IOD mediation) open a card, never the coaching file.
    case 'introductions':
    case 'self':
      return { sql: 'false', params: [] };
  }
}
