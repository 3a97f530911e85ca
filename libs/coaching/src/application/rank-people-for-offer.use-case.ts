import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RecentlyUsedMap } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { type MatchedOffer, type MatchingProfile, ScoreOfferForPeople } from '@passerelle/matching';
import { matchingProfileOf } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { CandidatePools } from './candidate-pools.js';
import { CandidatePoolStore, type PoolRow } from './ports/candidate-pool-store.js';
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
    private readonly pools: CandidatePools,
    private readonly match: ScoreOfferForPeople,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: Actor,
    offerId: string,
    limit: number,
    /**
     * The caller's own check of the offer, started beside this read: awaited before anyone is scored
     * or audited as listed, so its failure lists no one.
     */
    checked?: Promise<unknown>,
  ): Promise<PersonForOffer[]> {
    // The offer is read from the index while the people are read from the database.
    const offer = this.match.offer(offerId);
    void offer.catch(() => undefined); // awaited below, where a failure is the caller's
    // Everyone in reach with their diagnostic's version, in one light read that finds the actor's
    // structures itself (no round trip before it), and only when something it reads changed since
    // this process last read it (CandidatePools); a diagnostic is read again only when it changed.
    const condition = this.access.scopeInQuery(actor, 'candidates.search', 1);
    const pool = await this.pools.of(this.dataSource.manager, condition);
    await checked;
    if (pool.length === 0) return [];
    const { rows, profiles, people } = this.scored.get(pool) ?? (await this.prepare(pool));
    // Everyone is scored; only the best are explained.
    const scored = await this.match.execute(offer, people, { count: limit, tieBreak: byId });
    // Already the best first and no more than `limit`; only people reached come back with `best`.
    const ranked = scored.filter((entry): entry is { key: string; match: MatchedOffer } => entry.match !== null);
    if (ranked.length === 0) return [];
    const ids = ranked.map((entry) => entry.key);
    // Listing a person is a read of their file: audited while what the list shows of them is read.
    const [details] = await Promise.all([
      this.pool.details(this.dataSource.manager, offerId, ids),
      this.audit.record(
        actor,
        'read',
        ranked.map((entry) => ({ type: 'beneficiary', id: entry.key, structureId: rows.get(entry.key)!.structure_id })),
        { part: 'candidates', offerId },
      ),
    ]);
    return ranked.map(({ key, match }) => {
      const person = details.get(key)!;
      return {
        beneficiaryId: key,
        firstName: person.first_name,
        lastName: person.last_name,
        referentUserId: person.referent_user_id,
        referentName: person.referent_name,
        availabilityDate: profiles.get(key)!.availabilityDate,
        match,
        offersProposed: person.offers_proposed,
        openIntroductions: person.open_introductions,
        proposed: person.proposed,
      };
    });
  }

  /**
   * What scoring reads of a pool, made once per pool read: CandidatePools hands back the very same
   * rows while the database's version has not moved, and new rows (so a new entry here) as soon as it
   * has, so an entry is never older than the pool it was made from. 1,600 people's lookups, objects
   * and maps were made again on every list before.
   */
  private async prepare(pool: readonly PoolRow[]): Promise<ScoredPool> {
    const profiles = await this.profilesOf(pool);
    const prepared: ScoredPool = {
      rows: new Map(pool.map((row) => [row.id, row])),
      profiles,
      people: pool.map((row) => {
        const kept = profiles.get(row.id)!;
        return { key: row.id, profile: kept.profile, cacheKey: kept.cacheKey };
      }),
    };
    this.scored.set(pool, prepared);
    return prepared;
  }

  /** By pool read (its rows' identity), gone with the rows when CandidatePools lets them go. */
  private readonly scored = new WeakMap<readonly PoolRow[], ScoredPool>();

  /**
   * Each person's matching profile at their diagnostic's current version: kept from earlier calls
   * (PROFILES_MAX, least recently used first out), read for the others in one query. The profile is
   * what matching needs (occupations, skills, distance, contracts), no name or free text.
   */
  private async profilesOf(pool: readonly PoolRow[]): Promise<Map<string, KeptProfile>> {
    const found = new Map<string, KeptProfile>();
    const missing: string[] = [];
    for (const row of pool) {
      const kept = this.profiles.get(row.id);
      if (kept && kept.version === row.diagnostic_version && kept.communeInsee === row.commune_insee) {
        found.set(row.id, kept);
      } else missing.push(row.id);
    }
    if (missing.length === 0) return found;
    const communes = new Map(pool.map((row) => [row.id, row.commune_insee]));
    for (const row of await this.pool.diagnostics(this.dataSource.manager, missing)) {
      const diagnostic = toDiagnostic(row);
      const communeInsee = communes.get(row.beneficiary_id)!;
      const kept: KeptProfile = {
        version: row.diagnostic_version,
        communeInsee,
        cacheKey: `${row.beneficiary_id}@${row.diagnostic_version}@${communeInsee}`,
        profile: matchingProfileOf(diagnostic, communeInsee),
        availabilityDate: diagnostic.availabilityDate,
      };
      this.profiles.set(row.beneficiary_id, kept);
      found.set(row.beneficiary_id, kept);
    }
    return found;
  }

  private readonly profiles = new RecentlyUsedMap<string, KeptProfile>(PROFILES_MAX);
}

/**
 * Equal scores rank by id. The ids are UUIDs as PostgreSQL writes them (lowercase hex, hyphens at
 * fixed places), whose order by code unit is the order `localeCompare` gives them, at a fraction of
 * its cost over a pool of 1,600 people (rank-people-for-offer.spec.ts checks the two agree).
 */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Profiles kept between calls: a département's people in coaching, with room. */
const PROFILES_MAX = 10_000;

interface ScoredPool {
  readonly rows: ReadonlyMap<string, PoolRow>;
  readonly profiles: ReadonlyMap<string, KeptProfile>;
  readonly people: ReadonlyArray<{
    readonly key: string;
    readonly profile: MatchingProfile;
    readonly cacheKey: string;
  }>;
}

interface KeptProfile {
  readonly version: string;
  readonly communeInsee: string;
  /** Names this profile for the matcher's own cache of resolved profiles. */
  readonly cacheKey: string;
  readonly profile: MatchingProfile;
  readonly availabilityDate: string | null;
}
