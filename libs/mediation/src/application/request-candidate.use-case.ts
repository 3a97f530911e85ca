import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess, RecordNotification } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { CandidateRequests, type CandidateRequestView, pseudonym } from './candidate-requests.js';
import { CandidateRequestStore } from './ports/candidate-request-store.js';

/**
 * The mediator asks the coach of the person behind a pseudonym (`ref`) to propose them for the
 * offer; the coach's task names the offer, not the person.
 */
@Injectable()
export class RequestCandidate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly notifications: RecordNotification,
    private readonly candidates: CandidateRequests,
    private readonly requestStore: CandidateRequestStore,
  ) {}

  async execute(actor: Actor, offerId: string, ref: string, message: string | null): Promise<CandidateRequestView> {
    const offer = await this.candidates.openOffer(offerId);
    const key = await this.candidates.pseudonymKey();
    const condition = await this.beneficiaries.scope(actor, 'candidates.search', 1);
    const pool = await this.requestStore.askable(this.dataSource.manager, condition);
    const person = pool.find((row) => pseudonym(key, offerId, row.id) === ref);
    if (!person) throw mediationError('candidate.not_found', 'no candidate with this reference for this offer');
    if (!person.referent_user_id)
      throw mediationError('candidate.no_referent', 'this person has no referent coach to ask yet', [
        { field: 'ref', reason: 'no referent coach' },
      ]);
    const id = await this.dataSource.transaction(async (manager) => {
      const requestId = await this.requestStore.insert(manager, {
        offerId,
        beneficiaryId: person.id,
        requestedBy: actor.userId,
        message,
      });
      if (!requestId)
        throw mediationError('candidate.already_requested', 'this person was already asked for', [
          { field: 'ref', reason: 'a request exists for this offer' },
        ]);
      // The coach's task names the offer, not the person: they open it from the notification.
      await this.notifications.execute(
        [
          {
            userId: person.referent_user_id!,
            kind: 'candidate_request',
            subjectType: 'candidate_request',
            subjectId: requestId,
            message: `Une personne de votre portefeuille correspond à l’offre « ${offer.title} » : acceptez-vous de la proposer ?`,
          },
        ],
        { manager },
      );
      return requestId;
    });
    return this.candidates.view(actor, id);
  }
}
