import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { type MatchedOffer, MatchOffers, type MatchFilters, type MatchingProfile } from '@passerelle/matching';
import { matchingProfileOf } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from '../infrastructure/beneficiary-access.js';
import { CoachingRecords, type ProposalView } from './coaching-file.use-case.js';

export interface BeneficiaryMatches {
  /** The profile the diagnostic gave: the same body sent to `POST /matching/search` ranks the same. */
  readonly profile: MatchingProfile;
  readonly items: Array<MatchedOffer & { readonly proposed: boolean }>;
  readonly candidates: number;
}

/** Matched offers for a stored person, and the offers the coach proposes to them. */
@Injectable()
export class MatchBeneficiary {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly records: CoachingRecords,
    private readonly match: MatchOffers,
  ) {}

  async matches(
    actor: Actor,
    id: string,
    filters: MatchFilters,
    page: { limit: number; offset: number },
  ): Promise<BeneficiaryMatches> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, {
      action: 'read',
      details: { part: 'matches' },
    });
    const diagnostic = await this.records.diagnostic(this.dataSource.manager, id);
    if (!diagnostic || !row.commune_insee)
      throw new DomainError('invalid', 'beneficiary.no_diagnostic', 'matches need a diagnostic and a home commune', [
        { field: diagnostic ? 'commune' : 'diagnostic', reason: 'record it first' },
      ]);
    const profile = matchingProfileOf(diagnostic, row.commune_insee);
    const result = await this.match.execute(profile, filters, page);
    const proposals: Array<{ offer_id: string }> = await this.dataSource.query(
      'SELECT offer_id FROM offer_proposal WHERE beneficiary_id = $1',
      [id],
    );
    const proposed = new Set(proposals.map((proposal) => proposal.offer_id));
    return {
      profile,
      items: result.items.map((item) => ({ ...item, proposed: proposed.has(item.id) })),
      candidates: result.candidates,
    };
  }

  async propose(actor: Actor, id: string, input: { offerId: string; score?: number | null }): Promise<ProposalView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'proposal', manager);
      const offers: Array<{ status: string }> = await manager.query('SELECT status FROM offer WHERE id = $1', [
        input.offerId,
      ]);
      if (offers.length === 0)
        throw new DomainError('invalid', 'proposal.unknown_offer', 'no such offer', [
          { field: 'offerId', reason: 'no offer has this id' },
        ]);
      if (offers[0].status !== 'open')
        throw new DomainError('invalid', 'proposal.closed_offer', 'this offer is closed', [
          { field: 'offerId', reason: 'the offer is no longer open' },
        ]);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO offer_proposal (beneficiary_id, offer_id, score, proposed_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (beneficiary_id, offer_id) DO NOTHING RETURNING id`,
        [id, input.offerId, input.score ?? null, actor.userId],
      );
      if (inserted.length === 0)
        throw new DomainError('conflict', 'proposal.exists', 'this offer was already proposed to this person', [
          { field: 'offerId', reason: 'already proposed' },
        ]);
      return this.records.proposals(manager, id);
    });
  }
}
