import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RecentlyUsedMap } from '@passerelle/core';
import type { ScopeCondition } from './ports/beneficiary-access.js';
import { CandidatePoolStore, type PoolRow } from './ports/candidate-pool-store.js';

/**
 * The people reverse matching ranks, kept per scope (its SQL and parameters) with the version they
 * were read at, and read again only when the database's version moved: any process's write to what
 * the pool reads (people, diagnostics, the structures' tree) moves it in the same transaction, and
 * every call asks for it, so a change is seen by the very next list whichever process made it.
 */
@Injectable()
export class CandidatePools {
  private readonly kept = new RecentlyUsedMap<string, { readonly version: string; readonly rows: readonly PoolRow[] }>(
    SCOPES_MAX,
  );

  constructor(private readonly store: CandidatePoolStore) {}

  /** Everyone in `scope` in coaching with a diagnostic and a commune, as the database has them now. */
  async of(manager: EntityManager, scope: ScopeCondition): Promise<readonly PoolRow[]> {
    const key = JSON.stringify([scope.sql, scope.params]);
    const kept = this.kept.get(key);
    const read = await this.store.pool(manager, scope, kept?.version ?? null);
    if (read.rows === null) {
      // The store answers "unchanged" only to a version it was given.
      if (kept === undefined || read.version !== kept.version) throw new Error('pool unchanged since no version');
      return kept.rows;
    }
    // Without a version the pool is not kept; an older one kept beside it only costs a read next time.
    if (read.version !== null) this.kept.set(key, { version: read.version, rows: read.rows });
    return read.rows;
  }
}

/**
 * Scopes kept, the least recently used first out: a structure's mediators share one, each coach has
 * their own portfolio. A département's 1,600 people take about half a megabyte.
 */
const SCOPES_MAX = 64;
