import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, StructureTree } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BeneficiarySummary, toSummary } from './ports/beneficiary-store.js';
import { ReferentAssignment } from './referent-assignment.js';

/**
 * Gives the person to another coach (a manager's decision). Refused when that coach's portfolio
 * is full, unless the manager overrides; the history keeps every referent and the override.
 */
@Injectable()
export class AssignReferent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly assignment: ReferentAssignment,
    private readonly tree: StructureTree,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: { coachUserId: string; capOverride?: boolean; reason?: string },
  ): Promise<BeneficiarySummary> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.assign', id, { action: 'update' }, manager);
      if (row.referent_user_id === input.coachUserId) return toSummary(row);
      return toSummary(
        await this.assignment.assign(
          manager,
          actor,
          (await this.tree.reach(actor, 'beneficiaries.assign', manager)).structureIds,
          row,
          input.coachUserId,
          input.capOverride ?? false,
          input.reason ?? null,
        ),
      );
    });
  }
}
