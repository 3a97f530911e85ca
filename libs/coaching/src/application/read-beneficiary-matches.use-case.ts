import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type MatchedOffer, MatchOffers, type MatchFilters, type MatchingProfile } from '@passerelle/matching';
import { matchingProfileOf } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { DiagnosticStore } from './ports/diagnostic-store.js';
import { ProposalStore } from './ports/proposal-store.js';
import { coachingError } from '../domain/coaching-errors.js';

export interface BeneficiaryMatches {
  /** The profile the diagnostic gave: the same body sent to `POST /matching/search` ranks the same. */
  readonly profile: MatchingProfile;
  readonly origin: { readonly lat: number; readonly lng: number };
  readonly items: Array<MatchedOffer & { readonly proposed: boolean }>;
  readonly candidates: number;
}

/** Matched offers for a stored person, from their diagnostic and home commune, each saying whether it was proposed. */
@Injectable()
export class ReadBeneficiaryMatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly diagnostics: DiagnosticStore,
    private readonly proposals: ProposalStore,
    private readonly match: MatchOffers,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    filters: MatchFilters,
    page: { limit: number; offset: number },
    /** This search only: the coach widens or narrows what the diagnostic says. */
    overrides: Partial<Pick<MatchingProfile, 'maxDistanceKm' | 'contractTypes' | 'workingTime'>> = {},
  ): Promise<BeneficiaryMatches> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, {
      action: 'read',
      details: { part: 'matches' },
    });
    const diagnostic = await this.diagnostics.find(this.dataSource.manager, id);
    if (!diagnostic || !row.commune_insee)
      throw coachingError('beneficiary.no_diagnostic', 'matches need a diagnostic and a home commune', [
        { field: diagnostic ? 'commune' : 'diagnostic', reason: 'record it first' },
      ]);
    const profile = { ...matchingProfileOf(diagnostic, row.commune_insee), ...overrides };
    const result = await this.match.execute(profile, filters, page);
    const proposed = await this.proposals.offerIds(this.dataSource.manager, id);
    return {
      profile,
      origin: result.origin,
      items: result.items.map((item) => ({ ...item, proposed: proposed.has(item.id) })),
      candidates: result.candidates,
    };
  }
}
