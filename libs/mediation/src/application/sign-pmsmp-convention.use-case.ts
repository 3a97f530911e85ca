import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { parisToday } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { type PmsmpParty, pmsmpStatus, signatureProblems } from '../domain/pmsmp-convention.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { PmsmpConventionStore } from './ports/pmsmp-convention-store.js';
import { type PmsmpConventionView, PmsmpConventionViews } from './pmsmp-convention-view.js';

/**
 * Records the day one party signed the convention (on paper, brought back to the mediator), or
 * withdraws it (`signedOn` null, a mistake corrected); the status follows: draft, signing, signed.
 */
@Injectable()
export class SignPmsmpConvention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly conventions: PmsmpConventionStore,
    private readonly views: PmsmpConventionViews,
    private readonly accessLog: PeopleAccessLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    introductionId: string,
    input: { readonly party: PmsmpParty; readonly signedOn: string | null },
  ): Promise<PmsmpConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(manager, actor, introductionId);
      const stored = await this.conventions.find(manager, introductionId);
      if (!stored)
        throw mediationError('pmsmp.not_saved', 'no convention to sign yet', [
          { field: 'party', reason: 'save the convention before recording signatures' },
        ]);
      const problems = signatureProblems(stored.terms, input.signedOn, parisToday(this.clock.now()));
      if (problems.length > 0) throw mediationError('pmsmp.invalid', 'this signature cannot be recorded', problems);
      const status = pmsmpStatus({ ...stored.signatures, [input.party]: input.signedOn });
      await this.conventions.sign(manager, introductionId, input.party, input.signedOn, status, actor.userId);
      await this.accessLog.record(manager, actor, 'update', [row.beneficiary_id], {
        part: 'pmsmp_signature',
        introductionId,
        party: input.party,
      });
      return this.views.of(manager, introductionId);
    });
  }
}
