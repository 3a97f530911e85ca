import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScopeCondition } from '../application/ports/beneficiary-access.js';
import {
  type CandidateDetails,
  CandidatePoolStore,
  type PoolDiagnosticRow,
  type PoolRead,
  type PoolRow,
} from '../application/ports/candidate-pool-store.js';

/** The people reverse matching ranks for an offer, read in one query. */
@Injectable()
export class SqlCandidatePoolStore extends CandidatePoolStore {
  /**
   * Everyone in `scope` (its placeholders from 1) in coaching with a diagnostic and a commune, read
   * only when the version (migration 1764000120000) is no longer `since`: a one-time filter, so an
   * unchanged pool costs one row. The version row comes in the same statement, hence the same
   * snapshot as the people.
   */
  override async pool(manager: EntityManager, scope: ScopeCondition, since: string | null): Promise<PoolRead> {
    const rows: Array<PoolRow & { version: string | null }> = await manager.query(
      `WITH current AS MATERIALIZED (
         SELECT (SELECT version FROM candidate_pool_version)::text || '/'
           || (SELECT version FROM identity_structure_tree_version_v)::text AS version
       )
       SELECT version, NULL::uuid AS id, NULL::uuid AS structure_id, NULL::text AS commune_insee,
         NULL::text AS diagnostic_version
       FROM current
       UNION ALL
       SELECT NULL, b.id, b.structure_id, b.commune_insee, d.updated_at::text
       FROM beneficiary b JOIN diagnostic d ON d.beneficiary_id = b.id
       WHERE ($${scope.params.length + 1}::text IS NULL
           OR (SELECT version FROM current) IS DISTINCT FROM $${scope.params.length + 1}::text)
         AND b.erased_at IS NULL AND b.status IN ('oriented', 'in_coaching') AND b.commune_insee IS NOT NULL
         AND (${scope.sql})`,
      [...scope.params, since],
    );
    const version = rows.find((row) => row.id === null)?.version ?? null;
    if (since !== null && version === since) return { version, rows: null };
    const pool: PoolRow[] = [];
    for (const { id, structure_id, commune_insee, diagnostic_version } of rows) {
      if (id !== null) pool.push({ id, structure_id, commune_insee, diagnostic_version });
    }
    return { version, rows: pool };
  }

  /** The diagnostics of these people, with their version. */
  override async diagnostics(manager: EntityManager, ids: readonly string[]): Promise<PoolDiagnosticRow[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT d.*, d.updated_at::text AS diagnostic_version FROM diagnostic d WHERE d.beneficiary_id = ANY($1::uuid[])`,
      [[...ids]],
    );
  }

  /** For the people listed: name, referent, offers proposed, introductions open, this offer proposed. */
  override async details(
    manager: EntityManager,
    offerId: string,
    ids: readonly string[],
  ): Promise<Map<string, CandidateDetails>> {
    const rows: Array<CandidateDetails & { id: string }> = await manager.query(
      `SELECT b.id, b.first_name, b.last_name, b.referent_user_id, u.display_name AS referent_name,
           (SELECT count(*)::int FROM offer_proposal p WHERE p.beneficiary_id = b.id) AS offers_proposed,
           (SELECT count(*)::int FROM mediation_introduction_v n WHERE n.beneficiary_id = b.id
              AND n.status NOT IN ('hired', 'declined', 'withdrawn')) AS open_introductions,
           EXISTS (SELECT 1 FROM offer_proposal p WHERE p.beneficiary_id = b.id AND p.offer_id = $1) AS proposed
         FROM beneficiary b LEFT JOIN identity_user_v u ON u.id = b.referent_user_id
         WHERE b.id = ANY($2::uuid[])`,
      [offerId, [...ids]],
    );
    return new Map(rows.map(({ id, ...details }) => [id, details]));
  }
}
