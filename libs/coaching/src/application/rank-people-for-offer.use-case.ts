import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, AuditLog } from '@passerelle/identity';
import { type MatchedOffer, ScoreOfferForPeople } from '@passerelle/matching';
import { matchingProfileOf } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { CandidatePoolStore } from './ports/candidate-pool-store.js';
import { toDiagnostic } from './ports/diagnostic-store.js';

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

/**
 * Reverse matching: the people in coaching in the actor's structures (the `candidates.search`
 * scope) scored for one offer by the matcher, best first; people whose constraints exclude the
 * offer are left out. Each person listed is audited. The caller decides what to show of them.
 */
@Injectable()
export class RankPeopleForOffer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly pool: CandidatePoolStore,
    private readonly match: ScoreOfferForPeople,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, offerId: string, limit: number): Promise<PersonForOffer[]> {
    const condition = await this.access.scope(actor, 'candidates.search', 1);
    // Everyone in reach with their diagnostic, in one read; what the list shows of them comes after ranking.
    const pool = await this.pool.pool(this.dataSource.manager, condition);
    if (pool.length === 0) return [];
    const diagnostics = new Map(pool.map((row) => [row.id, toDiagnostic(row)]));
    const byId = new Map(pool.map((row) => [row.id, row]));
    const scored = await this.match.execute(
      offerId,
      pool.map((row) => ({ key: row.id, profile: matchingProfileOf(diagnostics.get(row.id)!, row.commune_insee) })),
      // Everyone is scored; only the best are explained.
      { count: limit, tieBreak: (a, b) => a.localeCompare(b) },
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
}
