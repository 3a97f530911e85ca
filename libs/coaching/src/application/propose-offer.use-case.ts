import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type ProposalView, ProposalStore } from './ports/proposal-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * The coach proposes an open offer to the person, once, with why it fits in plain words (the person
 * reads them in their space); the file lists the offers proposed, newest first.
 */
@Injectable()
export class ProposeOffer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly proposals: ProposalStore,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: { offerId: string; score?: number | null; explanation?: readonly string[] },
  ): Promise<ProposalView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'proposal', manager);
      const status = await this.proposals.offerStatus(manager, input.offerId);
      if (status === null)
        throw coachingError('proposal.unknown_offer', 'no such offer', [
          { field: 'offerId', reason: 'no offer has this id' },
        ]);
      if (status !== 'open')
        throw coachingError('proposal.closed_offer', 'this offer is closed', [
          { field: 'offerId', reason: 'the offer is no longer open' },
        ]);
      const inserted = await this.proposals.insert(manager, {
        beneficiaryId: id,
        offerId: input.offerId,
        score: input.score ?? null,
        proposedBy: actor.userId,
        explanation: input.explanation ?? [],
      });
      if (!inserted)
        throw coachingError('proposal.exists', 'this offer was already proposed to this person', [
          { field: 'offerId', reason: 'already proposed' },
        ]);
      return this.proposals.list(manager, id);
    });
  }
}
