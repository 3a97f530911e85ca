import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScopeCondition } from '../application/ports/beneficiary-access.js';
import {
  type CandidateDetails,
  CandidatePoolStore,
  type PoolDiagnosticRow,
  type PoolRow,
} from '../application/ports/candidate-pool-store.js';

/** The people reverse matching ranks for an offer, read in one query. */
@Injectable()
export class SqlCandidatePoolStore extends CandidatePoolStore {
  /** Everyone in `scope` (its placeholders from 1) in coaching with a diagnostic and a commune. */
  override async pool(manager: EntityManager, scope: ScopeCondition): Promise<PoolRow[]> {
    return manager.query(
      `SELECT b.id, b.structure_id, b.commune_insee, d.updated_at::text AS diagnostic_version
       FROM beneficiary b JOIN diagnostic d ON d.beneficiary_id = b.id
       WHERE b.erased_at IS NULL AND b.status IN ('oriented', 'in_coaching') AND b.commune_insee IS NOT NULL
         AND (${scope.sql})`,
      scope.params,
    );
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
