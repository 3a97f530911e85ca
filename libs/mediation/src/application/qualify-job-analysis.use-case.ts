import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, isSingleAddress, Mailer } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { needAcknowledgementEmail } from '../domain/employer-mails.js';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerAccess } from './employer-access.js';
import { JobAnalysisOffers } from './job-analysis-offers.js';
import { EmployerNeedStore } from './ports/employer-need-store.js';
import type { NewJobAnalysis } from './ports/employer-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';

/**
 * The mediator qualifies a draft job analysis (an employer's need, in the employer's words) with the
 * employer: the job as analysed replaces the draft, the need is marked qualified, and with
 * `publish` it becomes an offer (an *offre captée*) candidates can be sent for. Once only. The
 * employer who posted the need and left an e-mail address is told it was taken up (and whether it
 * is published), which is audited; the need's page shows the same state.
 */
@Injectable()
export class QualifyJobAnalysis {
  private readonly logger = new Logger(QualifyJobAnalysis.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly offers: JobAnalysisOffers,
    private readonly clock: Clock,
    private readonly needs: EmployerNeedStore,
    private readonly shortlists: ShortlistStore,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: Actor,
    employerId: string,
    analysisId: string,
    input: NewJobAnalysis & { publish: boolean },
  ): Promise<{ id: string; offerId: string | null }> {
    const employer = await this.access.open(actor, employerId);
    await this.offers.check(input);
    const qualified = await this.dataSource.transaction(async (manager) => {
      const analysis = await this.needs.lockAnalysis(manager, employerId, analysisId);
      if (!analysis) throw mediationError('job_analysis.not_found', 'no job analysis with this id at this employer');
      if (analysis.status !== 'draft')
        throw mediationError('job_analysis.qualified', 'this job analysis was already qualified', [
          { field: 'analysisId', reason: 'already qualified' },
        ]);
      const offerId = input.publish ? await this.offers.publish(actor, employer, input) : null;
      await this.needs.qualifyAnalysis(manager, analysisId, input, offerId);
      const now = this.clock.now();
      await this.needs.markQualified(manager, analysisId, actor.userId, now);
      const need = await this.needs.needOfAnalysis(manager, analysisId);
      const email = need?.contactEmail && isSingleAddress(need.contactEmail) ? need.contactEmail : null;
      if (need && email)
        await this.audit.record(
          actor,
          'share',
          [{ type: 'employer_need', id: need.id, structureId: need.structureId }],
          {
            part: 'need_acknowledgement',
            emailedTo: email,
            published: offerId !== null,
          },
          manager,
        );
      return { id: analysisId, offerId, need, email };
    });
    // After the commit: no acknowledgement of a qualification that did not happen.
    if (qualified.need && qualified.email) {
      const [mediatorName] = await this.shortlists.userNames(this.dataSource.manager, [actor.userId]);
      try {
        await this.mailer.send({
          to: qualified.email,
          ...needAcknowledgementEmail({
            contactName: qualified.need.contactName,
            jobTitle: qualified.need.jobTitle,
            receivedAt: qualified.need.receivedAt,
            mediatorName: mediatorName ?? 'un·e chargé·e de relation entreprise',
            published: qualified.offerId !== null,
          }),
        });
      } catch (error) {
        this.logger.warn(`need ${qualified.need.id}: the acknowledgement e-mail failed (${(error as Error).message})`);
      }
    }
    return { id: qualified.id, offerId: qualified.offerId };
  }
}
