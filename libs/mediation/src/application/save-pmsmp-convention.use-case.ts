import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { PMSMP_STAGES, type PmsmpTerms, pmsmpTermsProblems } from '../domain/pmsmp-convention.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { PmsmpConventionStore } from './ports/pmsmp-convention-store.js';
import { type PmsmpConventionView, PmsmpConventionViews } from './pmsmp-convention-view.js';

/**
 * Writes the terms of an introduction's PMSMP convention, at the interview or trial stage, while
 * no party has signed (a signature is given to terms: changing them needs the signatures withdrawn).
 */
@Injectable()
export class SavePmsmpConvention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly conventions: PmsmpConventionStore,
    private readonly views: PmsmpConventionViews,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, introductionId: string, terms: PmsmpTerms): Promise<PmsmpConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(manager, actor, introductionId);
      if (!PMSMP_STAGES.includes(row.status))
        throw mediationError('pmsmp.not_at_stage', `the introduction is at ${row.status}`, [
          { field: 'status', reason: `the introduction is ${row.status} (allowed: ${PMSMP_STAGES.join(', ')})` },
        ]);
      const problems = pmsmpTermsProblems(terms);
      if (problems.length > 0) throw mediationError('pmsmp.invalid', 'this convention is not valid', problems);
      const stored = await this.conventions.find(manager, introductionId);
      if (stored && stored.status !== 'draft')
        throw mediationError('pmsmp.signed', 'a party has signed these terms', [
          { field: 'status', reason: `the convention is ${stored.status}: withdraw the signatures first` },
        ]);
      await this.conventions.save(manager, introductionId, terms, actor.userId);
      await this.accessLog.record(manager, actor, 'update', [row.beneficiary_id], { part: 'pmsmp', introductionId });
      return this.views.of(manager, introductionId);
    });
  }
}
