import type { EntityManager } from 'typeorm';
import {
  type Action,
  type Actor,
  type AuditAction,
  type AuditLog,
  identityError,
  scopeFor,
  type StructureTree,
} from '@passerelle/identity';
import {
  BeneficiaryAccess,
  type BeneficiaryRow,
  type ScopeCondition,
} from '../application/ports/beneficiary-access.js';
import type { ReceivedShare } from '../application/ports/share-store.js';
import { coachingError } from '../domain/coaching-errors.js';
import type { InMemoryBeneficiaryStore } from './in-memory-beneficiary-store.js';

/**
 * The access gate over the in-memory files, with the access policy's scopes: a coach reaches their
 * portfolio, a manager their structures, platform staff no file. Outside the scope, or erased, a
 * file is `beneficiary.not_found`; every opening is audited. `scope` returns a condition nothing
 * reads in memory (the stores that take one are not modelled).
 */
export class InMemoryBeneficiaryAccess extends BeneficiaryAccess {
  constructor(
    private readonly beneficiaries: InMemoryBeneficiaryStore,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  override async scope(actor: Actor, action: Action): Promise<ScopeCondition> {
    const { scope, structureIds } = await this.tree.reach(actor, action);
    return { sql: `in memory: ${scope}`, params: [structureIds ?? [], actor.userId] };
  }

  override scopeInQuery(actor: Actor, action: Action): ScopeCondition {
    const scope = scopeFor(actor.roles, action);
    if (scope === null) throw identityError('auth.forbidden', `not allowed: ${action}`);
    return { sql: `in memory: ${scope}`, params: [actor.structureId, actor.userId] };
  }

  override async open(
    actor: Actor,
    action: Action,
    id: string,
    audit: { action: AuditAction; details?: Record<string, unknown> },
    manager?: EntityManager,
  ): Promise<BeneficiaryRow> {
    const { scope, structureIds } = await this.tree.reach(actor, action, manager);
    const row = this.beneficiaries.rows.get(id);
    const reached =
      row !== undefined &&
      row.erased_at === null &&
      (scope === 'all' ||
        ((scope === 'structure' || scope === 'structure_tree') && (structureIds ?? []).includes(row.structure_id)) ||
        (scope === 'portfolio' && row.referent_user_id === actor.userId));
    if (!reached) throw coachingError('beneficiary.not_found', 'no beneficiary with this id');
    await this.audit.record(
      actor,
      audit.action,
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      audit.details ?? {},
      manager,
    );
    return { ...row };
  }

  /** No share exists in memory: a file is never reached through one. */
  override openShared(): Promise<{ row: BeneficiaryRow; share: ReceivedShare }> {
    return Promise.reject(coachingError('beneficiary.not_found', 'no beneficiary with this id'));
  }
}
