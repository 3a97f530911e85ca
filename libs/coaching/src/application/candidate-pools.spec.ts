import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { CandidatePools } from './candidate-pools.js';
import type { ScopeCondition } from './ports/beneficiary-access.js';
import {
  type CandidateDetails,
  CandidatePoolStore,
  type PoolDiagnosticRow,
  type PoolRead,
  type PoolRow,
} from './ports/candidate-pool-store.js';

const manager = {} as EntityManager;
const nord: ScopeCondition = { sql: 'b.structure_id = ANY($1)', params: ['nord'] };
const lille: ScopeCondition = { sql: 'b.structure_id = ANY($1)', params: ['lille'] };

const row = (id: string, version = 'd1'): PoolRow => ({
  id,
  structure_id: 'nord',
  commune_insee: '59350',
  diagnostic_version: version,
});

/** A database whose version and people the test sets; it answers as SqlCandidatePoolStore.pool does. */
class FakePoolStore extends CandidatePoolStore {
  version: string | null = 'v1';
  people = new Map<string, PoolRow[]>();
  readonly asked: Array<{ scope: unknown[]; since: string | null; read: boolean }> = [];

  override pool(_manager: EntityManager, scope: ScopeCondition, since: string | null): Promise<PoolRead> {
    const unchanged = since !== null && this.version === since;
    this.asked.push({ scope: scope.params, since, read: !unchanged });
    return Promise.resolve({
      version: this.version,
      rows: unchanged ? null : (this.people.get(String(scope.params[0])) ?? []),
    });
  }

  override diagnostics(): Promise<PoolDiagnosticRow[]> {
    return Promise.resolve([]);
  }

  override details(): Promise<Map<string, CandidateDetails>> {
    return Promise.resolve(new Map<string, CandidateDetails>());
  }
}

describe('the pools kept per scope', () => {
  it('reads a scope once, then gives the kept rows while the version has not moved', async () => {
    const store = new FakePoolStore();
    store.people.set('nord', [row('a'), row('b')]);
    const pools = new CandidatePools(store);
    const first = await pools.of(manager, nord);
    const second = await pools.of(manager, nord);
    expect(second).toBe(first);
    expect(second.map((person) => person.id)).toEqual(['a', 'b']);
    expect(store.asked).toEqual([
      { scope: ['nord'], since: null, read: true },
      { scope: ['nord'], since: 'v1', read: false },
    ]);
  });

  it('reads again when the version moved, and keeps the new rows at the new version', async () => {
    const store = new FakePoolStore();
    store.people.set('nord', [row('a'), row('b')]);
    const pools = new CandidatePools(store);
    await pools.of(manager, nord);
    store.version = 'v2';
    store.people.set('nord', [row('a', 'd2')]);
    expect(await pools.of(manager, nord)).toEqual([row('a', 'd2')]);
    expect(await pools.of(manager, nord)).toEqual([row('a', 'd2')]);
    expect(store.asked.map(({ since, read }) => ({ since, read }))).toEqual([
      { since: null, read: true },
      { since: 'v1', read: true },
      { since: 'v2', read: false },
    ]);
  });

  it('keeps each scope apart, its parameters included', async () => {
    const store = new FakePoolStore();
    store.people.set('nord', [row('a'), row('b')]);
    store.people.set('lille', [row('b')]);
    const pools = new CandidatePools(store);
    expect((await pools.of(manager, nord)).map((person) => person.id)).toEqual(['a', 'b']);
    expect((await pools.of(manager, lille)).map((person) => person.id)).toEqual(['b']);
    expect((await pools.of(manager, nord)).map((person) => person.id)).toEqual(['a', 'b']);
    expect(store.asked.map(({ scope, since }) => ({ scope, since }))).toEqual([
      { scope: ['nord'], since: null },
      { scope: ['lille'], since: null },
      { scope: ['nord'], since: 'v1' },
    ]);
  });

  it('keeps nothing when the database gives no version, so the next call reads again', async () => {
    const store = new FakePoolStore();
    store.version = null;
    store.people.set('nord', [row('a')]);
    const pools = new CandidatePools(store);
    await pools.of(manager, nord);
    store.people.set('nord', [row('c')]);
    expect(await pools.of(manager, nord)).toEqual([row('c')]);
    expect(store.asked.map(({ since }) => since)).toEqual([null, null]);
  });
});
