import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog, identityError, scopeFor, StructureTree } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import { identityDateProblems, type NewBeneficiary } from '../domain/beneficiary.js';
import { parisToday } from '../domain/coaching.js';
import { type BeneficiarySummary, BeneficiaryStore, toSummary } from './ports/beneficiary-store.js';
import { homeCommune } from './home-commune.js';
import { ReferentAssignment } from './referent-assignment.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * A coach registers a person into their own portfolio; a manager registers them in one of their
 * structures, with or without a referent yet.
 */
@Injectable()
export class RegisterBeneficiary {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly assignment: ReferentAssignment,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    private readonly referential: ReferentialIndex,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: NewBeneficiary): Promise<BeneficiarySummary> {
    const asManager = scopeFor(actor.roles, 'beneficiaries.assign') !== null;
    if (!asManager && scopeFor(actor.roles, 'beneficiaries.write') === null)
      throw identityError('auth.forbidden', 'not allowed: beneficiaries.write');
    if (!asManager && (input.structureId || input.referentUserId || input.capOverride))
      throw coachingError('beneficiary.assign_forbidden', 'only a manager assigns people to others', [
        {
          field: input.structureId ? 'structureId' : input.referentUserId ? 'referentUserId' : 'capOverride',
          reason: 'managers only',
        },
      ]);
    const commune = await homeCommune(this.referential, input.commune);
    const problems = identityDateProblems(input.birthDate ?? null, input.orientationDate, parisToday(this.clock.now()));
    if (problems.length > 0) throw coachingError('beneficiary.invalid', 'dates out of order', problems);
    const structureId = asManager ? (input.structureId ?? actor.structureId) : actor.structureId;
    // A coach registers into their own portfolio, in their own structure.
    const reachable = asManager ? (await this.tree.reach(actor, 'beneficiaries.assign')).structureIds : [structureId];
    if (asManager && reachable && !reachable.includes(structureId))
      throw coachingError('beneficiary.unknown_structure', 'no such structure among yours', [
        { field: 'structureId', reason: 'not one of your structures' },
      ]);
    const referent = asManager ? (input.referentUserId ?? null) : actor.userId;
    return this.dataSource.transaction(async (manager) => {
      let row = await this.beneficiaries.insert(
        manager,
        structureId,
        {
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          birthDate: input.birthDate ?? null,
          email: input.email?.trim().toLowerCase() ?? null,
          phone: input.phone?.trim() ?? null,
          address: input.address?.trim() ?? null,
          commune,
        },
        input.orientationDate,
      );
      await this.audit.record(actor, 'create', [{ type: 'beneficiary', id: row.id, structureId }], {}, manager);
      if (referent)
        row = await this.assignment.assign(
          manager,
          actor,
          reachable,
          row,
          referent,
          input.capOverride ?? false,
          input.reason ?? null,
        );
      return toSummary(row);
    });
  }
}
