import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@passerelle/identity';
import type { MatchedOffer, MatchingProfile, ScoreOfferForPeople } from '@passerelle/matching';
import { CandidatePools } from './candidate-pools.js';
import type { BeneficiaryAccess, ScopeCondition } from './ports/beneficiary-access.js';
import {
  type CandidateDetails,
  CandidatePoolStore,
  type PoolDiagnosticRow,
  type PoolRead,
  type PoolRow,
} from './ports/candidate-pool-store.js';
import { byId, RankPeopleForOffer } from './rank-people-for-offer.use-case.js';

describe('the tie-break of people with equal scores', () => {
  it('orders UUIDs as localeCompare does', () => {
    // Ids that share long prefixes as well as random ones: every position of the UUID decides somewhere.
    const base = randomUUID();
    const ids = [
      ...Array.from({ length: 2_000 }, () => randomUUID()),
      ...Array.from({ length: 36 }, (_, at) =>
        base[at] === '-' ? base : `${base.slice(0, at)}${'0123456789abcdef'[at % 16]}${base.slice(at + 1)}`,
      ),
      base,
    ];
    expect([...ids].sort(byId)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    for (let i = 0; i + 1 < ids.length; i += 1)
      expect(Math.sign(byId(ids[i], ids[i + 1]))).toBe(Math.sign(ids[i].localeCompare(ids[i + 1])));
  });

  it('ties an id with itself', () => {
    const id = randomUUID();
    expect(byId(id, `${id}`)).toBe(0);
  });
});

/** A database whose pool version and diagnostics the test sets, answering as SqlCandidatePoolStore does. */
class FakePoolStore extends CandidatePoolStore {
  version = 'v1';
  rows: PoolRow[] = [];
  maxDistance = new Map<string, number>();
  readonly diagnosticsRead: string[][] = [];

  override pool(_manager: EntityManager, _scope: ScopeCondition, since: string | null): Promise<PoolRead> {
    return Promise.resolve({ version: this.version, rows: since === this.version ? null : [...this.rows] });
  }

  override diagnostics(_manager: EntityManager, ids: readonly string[]): Promise<PoolDiagnosticRow[]> {
    this.diagnosticsRead.push([...ids]);
    return Promise.resolve(
      ids.map((id) => {
        const version = this.rows.find((row) => row.id === id)!.diagnostic_version;
        return {
          beneficiary_id: id,
          diagnostic_version: version,
          experiences: [{ romeCode: 'N1103', months: 24 }],
          skills: [],
          desired_occupations: [],
          driving_licence: true,
          vehicle: false,
          max_distance_km: this.maxDistance.get(id) ?? 20,
          contract_types: ['cdi'],
          working_time: 'any',
          constraints: [],
          availability_date: null,
          digital_autonomy: null,
          languages: [],
          certificates: [],
          updated_at: new Date(),
        };
      }),
    );
  }

  override details(_manager: EntityManager, _offerId: string, ids: readonly string[]) {
    return Promise.resolve(
      new Map<string, CandidateDetails>(
        ids.map((id) => [
          id,
          {
            first_name: id,
            last_name: null,
            referent_user_id: null,
            referent_name: null,
            offers_proposed: 0,
            open_introductions: 0,
            proposed: false,
          },
        ]),
      ),
    );
  }
}

describe('reverse matching, what it scores from a kept pool', () => {
  const actor = { userId: 'u1', structureId: 'nord', roles: ['platform_staff' as const] };
  const nord: ScopeCondition = { sql: 'b.structure_id = ANY($1)', params: ['nord'] };
  const row = (id: string, version: string): PoolRow => ({
    id,
    structure_id: 'nord',
    commune_insee: '59350',
    diagnostic_version: version,
  });

  function ranking() {
    const store = new FakePoolStore();
    store.rows = [row('a', 'd1'), row('b', 'd1')];
    const scoredPeople: Array<ReadonlyArray<{ key: string; profile: MatchingProfile }>> = [];
    // Everyone reached, by their radius: what the test reads is whom and which profile was scored.
    const match = {
      offer: () => Promise.resolve(null),
      execute: (_offer: unknown, people: ReadonlyArray<{ key: string; profile: MatchingProfile }>) => {
        scoredPeople.push(people);
        return Promise.resolve(
          people.map((person) => ({ key: person.key, match: { score: person.profile.maxDistanceKm } as MatchedOffer })),
        );
      },
    } as unknown as ScoreOfferForPeople;
    const audited: string[][] = [];
    const audit = {
      record: (_actor: unknown, _action: unknown, subjects: ReadonlyArray<{ id: string }>) => {
        audited.push(subjects.map((subject) => subject.id));
        return Promise.resolve();
      },
    } as unknown as AuditLog;
    const access = { scopeInQuery: () => nord } as unknown as BeneficiaryAccess;
    const rank = new RankPeopleForOffer(
      { manager: {} } as DataSource,
      access,
      store,
      new CandidatePools(store),
      match,
      audit,
    );
    return { store, rank, scoredPeople, audited };
  }

  it('scores an unchanged pool from what it made of it at the first list: diagnostics read once', async () => {
    const { store, rank, scoredPeople, audited } = ranking();
    const first = await rank.execute(actor, 'offer', 20);
    const second = await rank.execute(actor, 'offer', 20);
    expect(second).toEqual(first);
    expect(scoredPeople).toHaveLength(2);
    expect(scoredPeople[1]).toBe(scoredPeople[0]);
    expect(store.diagnosticsRead).toEqual([['a', 'b']]);
    // Each list audits the people it lists.
    expect(audited).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('scores the changed diagnostic at the very next list once the version moved, reading only it again', async () => {
    const { store, rank, scoredPeople } = ranking();
    await rank.execute(actor, 'offer', 20);
    store.version = 'v2';
    store.rows = [row('a', 'd2'), row('b', 'd1')];
    store.maxDistance.set('a', 45);
    const next = await rank.execute(actor, 'offer', 20);
    expect(scoredPeople[1]).not.toBe(scoredPeople[0]);
    expect(scoredPeople[1].map((person) => [person.key, person.profile.maxDistanceKm])).toEqual([
      ['a', 45],
      ['b', 20],
    ]);
    expect(next.map((person) => [person.beneficiaryId, person.match.score])).toEqual([
      ['a', 45],
      ['b', 20],
    ]);
    expect(store.diagnosticsRead).toEqual([['a', 'b'], ['a']]);
  });
});
