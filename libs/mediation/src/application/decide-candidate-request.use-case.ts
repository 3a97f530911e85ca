import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, RecordAgreedProposal, RecordNotification } from '@passerelle/coaching';
import { DomainError } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { mediationError, type MediationErrorCode } from '../domain/mediation-errors.js';
import { CandidateRequests, type CandidateRequestView } from './candidate-requests.js';
import { CandidateRequestStore } from './ports/candidate-request-store.js';
import { EmployerStore } from './ports/employer-store.js';
import { ProposeIntroduction } from './propose-introduction.use-case.js';

/**
 * The person's referent coach answers a request. Agreeing proposes the offer to the person and,
 * when the offer names its employer (captured by mediation), opens the introduction; declining
 * takes a reason. The requester is told either way.
 */
@Injectable()
export class DecideCandidateRequest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly introductions: ProposeIntroduction,
    private readonly notifications: RecordNotification,
    private readonly candidates: CandidateRequests,
    private readonly requestStore: CandidateRequestStore,
    private readonly employers: EmployerStore,
    private readonly proposals: RecordAgreedProposal,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: { agree: boolean; reason?: string | null },
  ): Promise<CandidateRequestView> {
    if (!input.agree && !input.reason?.trim())
      throw mediationError('candidate.reason_required', 'say why the person is not proposed', [
        { field: 'reason', reason: 'required when declining' },
      ]);
    const decided = await this.dataSource.transaction(async (manager) => {
      const row = await this.requestStore.lock(manager, id);
      if (!row) throw mediationError('candidate_request.not_found', 'no such request');
      const person = await this.beneficiaries.openForUpdate(actor, row.beneficiary_id, 'candidate_request', manager, {
        requestId: id,
        agree: input.agree,
      });
      if (person.referent_user_id !== actor.userId)
        throw mediationError('candidate_request.not_referent', 'only the person’s referent coach decides');
      if (row.status !== 'pending')
        throw mediationError('candidate_request.decided', 'this request was already answered', [
          { field: 'status', reason: row.status },
        ]);
      await this.requestStore.decide(manager, id, {
        agree: input.agree,
        decidedBy: actor.userId,
        declineReason: input.agree ? null : input.reason!.trim(),
      });
      if (input.agree)
        await this.proposals.execute(manager, {
          beneficiaryId: row.beneficiary_id,
          offerId: row.offer_id,
          proposedBy: actor.userId,
        });
      if (!input.agree)
        await this.notifications.execute(
          [
            {
              userId: row.requested_by,
              kind: 'candidate_request_answered',
              subjectType: 'candidate_request',
              subjectId: id,
              message: 'Le référent ne propose pas la personne demandée pour cette offre.',
            },
          ],
          { manager },
        );
      return row;
    });
    if (input.agree) {
      let introductionId: string | null = null;
      if (await this.employers.hasJobAnalysis(this.dataSource.manager, decided.offer_id)) {
        try {
          const introduction = await this.introductions.execute(actor, {
            beneficiaryId: decided.beneficiary_id,
            offerId: decided.offer_id,
          });
          await this.requestStore.linkIntroduction(this.dataSource.manager, id, introduction.id);
          introductionId = introduction.id;
        } catch (error) {
          // One under way already is fine: the person is introduced.
          if (!(error instanceof DomainError && error.code === ('introduction.exists' satisfies MediationErrorCode)))
            throw error;
        }
      }
      // The requester opens the introduction the agreement opened (else the request, on the mediation page).
      await this.notifications.execute([
        {
          userId: decided.requested_by,
          kind: 'candidate_request_answered',
          subjectType: introductionId ? 'introduction' : 'candidate_request',
          subjectId: introductionId ?? id,
          message: introductionId
            ? 'Le référent accepte de proposer la personne demandée : la mise en relation est ouverte.'
            : 'Le référent accepte de proposer la personne demandée : la mise en relation peut commencer.',
        },
      ]);
    }
    return this.candidates.view(actor, id);
  }
}
