import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProposalStore } from './ports/proposal-store.js';

/**
 * Records an offer as proposed to a person, in the caller's transaction, kept if it already was:
 * the person's referent agreed to a mediator's request (mediation opened, locked and audited the
 * file). The door other contexts use, never an insert into `offer_proposal` (ADR 0010).
 */
@Injectable()
export class RecordAgreedProposal {
  constructor(private readonly proposals: ProposalStore) {}

  async execute(
    manager: EntityManager,
    proposal: { beneficiaryId: string; offerId: string; proposedBy: string },
  ): Promise<void> {
    await this.proposals.insert(manager, { ...proposal, score: null });
  }
}
