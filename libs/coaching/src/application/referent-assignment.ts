import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { capDecision } from '../domain/beneficiary.js';
import type { BeneficiaryRow } from './ports/beneficiary-access.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * Gives a person to a coach inside the caller's transaction (registration and reassignment): an
 * active coach of the manager's structures, within the portfolio cap unless overridden with a
 * reason. The history keeps every referent and the override; the audit log says who decided.
 */
@Injectable()
export class ReferentAssignment {
  constructor(
    private readonly settings: RuntimeSettings,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly audit: AuditLog,
  ) {}

  async assign(
    manager: EntityManager,
    actor: Actor,
    /** Where the coach may be (null: anywhere). */
    structureIds: readonly string[] | null,
    row: BeneficiaryRow,
    coachUserId: string,
    capOverride: boolean,
    reason: string | null,
  ): Promise<BeneficiaryRow> {
    const coach = await this.beneficiaries.lockActiveCoach(manager, coachUserId);
    if (!coach || (structureIds && !structureIds.includes(coach.structureId)))
      throw coachingError('beneficiary.unknown_coach', 'no such coach among your structures', [
        {
          field: actor.userId === coachUserId ? 'referentUserId' : 'coachUserId',
          reason: 'not an active coach of your structures',
        },
      ]);
    const load = await this.beneficiaries.activeLoad(manager, coachUserId, row.id);
    const cap = await this.settings.number('coaching.portfolio_cap', manager);
    const decision = capDecision(load, cap, capOverride, reason);
    if (decision.kind === 'full')
      throw coachingError(
        'beneficiary.portfolio_full',
        `${coach.displayName} already follows ${load} people (cap ${cap}); a manager may override`,
        [{ field: 'capOverride', reason: `portfolio full (${load}/${cap})` }],
      );
    if (decision.kind === 'reason_required')
      throw coachingError('beneficiary.override_reason_required', 'say why the cap is overridden', [
        { field: 'reason', reason: `required to override the cap (${load}/${cap})` },
      ]);
    const updated = await this.beneficiaries.reassign(manager, row.id, {
      coachUserId,
      assignedBy: actor.userId,
      capOverride: decision.overriding,
      reason: decision.reason,
    });
    await this.audit.record(
      actor,
      'update',
      [{ type: 'beneficiary', id: row.id, structureId: row.structure_id }],
      {
        referent: { from: row.referent_user_id, to: coachUserId },
        capOverride: decision.overriding,
        ...(decision.overriding ? { load, cap } : {}),
      },
      manager,
    );
    return updated;
  }
}
