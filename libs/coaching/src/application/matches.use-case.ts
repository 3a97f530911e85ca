import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, AuditLog } from '@passerelle/identity';
import { type MatchedOffer, MatchOffers, type MatchFilters, type MatchingProfile } from '@passerelle/matching';
import { matchingProfileOf } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from '../infrastructure/beneficiary-access.js';
import { CandidatePoolStore } from '../infrastructure/candidate-pool-store.js';
import { DiagnosticStore, toDiagnostic } from '../infrastructure/diagnostic-store.js';
import { type ProposalView, ProposalStore } from '../infrastructure/proposal-store.js';
import { coachingError } from '../domain/coaching-errors.js';

export interface BeneficiaryMatches {
  /** The profile the diagnostic gave: the same body sent to `POST /matching/search` ranks the same. */
  readonly profile: MatchingProfile;
  readonly origin: { readonly lat: number; readonly lng: number };
  readonly items: Array<MatchedOffer & { readonly proposed: boolean }>;
  readonly candidates: number;
}

/** One person of the actor's structures ranked for an offer (reverse matching). */
export interface PersonForOffer {
  readonly beneficiaryId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly referentUserId: string | null;
  readonly referentName: string | null;
  readonly availabilityDate: string | null;
  readonly match: MatchedOffer;
  /** Offers proposed to this person so far, and introductions under way. */
  readonly offersProposed: number;
  readonly openIntroductions: number;
  readonly proposed: boolean;
}

/** Matched offers for a stored person, and the offers the coach proposes to them. */
@Injectable()
export class MatchBeneficiary {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly diagnostics: DiagnosticStore,
    private readonly proposals: ProposalStore,
    private readonly pool: CandidatePoolStore,
    private readonly match: MatchOffers,
    private readonly audit: AuditLog,
  ) {}

  async matches(
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

  /**
   * Reverse matching: the people in coaching in the actor's structures (the `candidates.search`
   * scope) scored for one offer by the matcher, best first; people whose constraints exclude the
   * offer are left out. Each person listed is audited. The caller decides what to show of them.
   */
  async peopleForOffer(actor: Actor, offerId: string, limit: number): Promise<PersonForOffer[]> {
    const condition = await this.access.scope(actor, 'candidates.search', 1);
    // Everyone in reach with their diagnostic, in one read; what the list shows of them comes after ranking.
    const pool = await this.pool.pool(this.dataSource.manager, condition);
    if (pool.length === 0) return [];
    const diagnostics = new Map(pool.map((row) => [row.id, toDiagnostic(row)]));
    const byId = new Map(pool.map((row) => [row.id, row]));
    const scored = await this.match.scoreForPeople(
      offerId,
      pool.map((row) => ({ key: row.id, profile: matchingProfileOf(diagnostics.get(row.id)!, row.commune_insee) })),
    );
    const ranked = scored
      .filter((entry): entry is { key: string; match: MatchedOffer } => entry.match !== null)
      .sort((a, b) => b.match.score - a.match.score || a.key.localeCompare(b.key))
      .slice(0, limit);
    if (ranked.length > 0)
      await this.audit.record(
        actor,
        'read',
        ranked.map((entry) => ({ type: 'beneficiary', id: entry.key, structureId: byId.get(entry.key)!.structure_id })),
        { part: 'candidates', offerId },
      );
    const counts = await this.pool.counts(
      this.dataSource.manager,
      offerId,
      ranked.map((entry) => entry.key),
    );
    return ranked.map(({ key, match }) => {
      const row = byId.get(key)!;
      const count = counts.get(key)!;
      return {
        beneficiaryId: key,
        firstName: row.first_name,
        lastName: row.last_name,
        referentUserId: row.referent_user_id,
        referentName: row.referent_name,
        availabilityDate: diagnostics.get(key)!.availabilityDate,
        match,
        offersProposed: count.offers_proposed,
        openIntroductions: count.open_introductions,
        proposed: count.proposed,
      };
    });
  }

  /**
   * Records an offer as proposed to a person, in the caller's transaction, kept if it already was:
   * the person's referent agreed to a mediator's request (mediation opened, locked and audited the
   * file). The door other contexts use, never an insert into `offer_proposal` (ADR 0010).
   */
  async recordAgreedProposal(
    manager: EntityManager,
    proposal: { beneficiaryId: string; offerId: string; proposedBy: string },
  ): Promise<void> {
    await this.proposals.insert(manager, { ...proposal, score: null });
  }

  async propose(actor: Actor, id: string, input: { offerId: string; score?: number | null }): Promise<ProposalView[]> {
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
      });
      if (!inserted)
        throw coachingError('proposal.exists', 'this offer was already proposed to this person', [
          { field: 'offerId', reason: 'already proposed' },
        ]);
      return this.proposals.list(manager, id);
    });
  }
}
