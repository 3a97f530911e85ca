import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerAccess } from './employer-access.js';
import { JobAnalysisOffers } from './job-analysis-offers.js';
import { EmployerNeedStore } from './ports/employer-need-store.js';
import type { NewJobAnalysis } from './ports/employer-store.js';

/**
 * The mediator qualifies a draft job analysis (an employer's need, in the employer's words) with the
 * employer: the job as analysed replaces the draft, the need is marked qualified, and with
 * `publish` it becomes an offer (an *offre captée*) candidates can be sent for. Once only.
 */
@Injectable()
export class QualifyJobAnalysis {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly offers: JobAnalysisOffers,
    private readonly clock: Clock,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(
    actor: Actor,
    employerId: string,
    analysisId: string,
    input: NewJobAnalysis & { publish: boolean },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.access.open(actor, employerId);
    await this.offers.check(input);
    return this.dataSource.transaction(async (manager) => {
      const analysis = await this.needs.lockAnalysis(manager, employerId, analysisId);
      if (!analysis) throw mediationError('job_analysis.not_found', 'no job analysis with this id at this employer');
      if (analysis.status !== 'draft')
        throw mediationError('job_analysis.qualified', 'this job analysis was already qualified', [
          { field: 'analysisId', reason: 'already qualified' },
        ]);
      const offerId = input.publish ? await this.offers.publish(actor, employer, input) : null;
      await this.needs.qualifyAnalysis(manager, analysisId, input, offerId);
      await this.needs.markQualified(manager, analysisId, actor.userId, this.clock.now());
      return { id: analysisId, offerId };
    });
  }
}
