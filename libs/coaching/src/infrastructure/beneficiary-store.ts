import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { ACTIVE_STATUSES, CONTACT_KINDS, type CoachingStatus, type ExitReason } from '../domain/coaching.js';
import type { BeneficiaryRow, ScopeCondition } from '../application/ports/beneficiary-access.js';
import {
  BeneficiaryStore,
  type Commune,
  type PortfolioRow,
  type ReferentHistoryEntry,
  type StoredIdentity,
} from '../application/ports/beneficiary-store.js';

/** The person's row (`beneficiary`), their referents (`beneficiary_assignment`) and the portfolio read. */
@Injectable()
export class SqlBeneficiaryStore extends BeneficiaryStore {
  override async insert(
    manager: EntityManager,
    structureId: string,
    identity: StoredIdentity & { readonly commune: Commune },
    orientationDate: string,
  ): Promise<BeneficiaryRow> {
    const rows: BeneficiaryRow[] = await manager.query(
      `INSERT INTO beneficiary (structure_id, first_name, last_name, birth_date, email, phone, address,
         commune_insee, commune_name, postal_code, orientation_date, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'oriented') RETURNING *`,
      [
        structureId,
        identity.firstName,
        identity.lastName,
        identity.birthDate,
        identity.email,
        identity.phone,
        identity.address,
        identity.commune.inseeCode,
        identity.commune.name,
        identity.commune.postalCode,
        orientationDate,
      ],
    );
    return rows[0];
  }

  /** Rewrites the identity and the CV deposit (the caller merges the changes with the current row). */
  override async updateIdentity(
    manager: EntityManager,
    id: string,
    identity: StoredIdentity & { readonly commune: Commune | null },
    cv: { readonly platform: string | null; readonly depositedOn: string | null },
    current: BeneficiaryRow,
  ): Promise<BeneficiaryRow> {
    const updated: BeneficiaryRow[] = await updateReturning(
      manager,
      `UPDATE beneficiary SET first_name = $2, last_name = $3, birth_date = $4, email = $5, phone = $6, address = $7,
         commune_insee = $8, commune_name = $9, postal_code = $10, cv_platform = $11, cv_deposited_on = $12,
         updated_at = now()
       WHERE id = $1 RETURNING *`,
      [
        id,
        identity.firstName,
        identity.lastName,
        identity.birthDate,
        identity.email,
        identity.phone,
        identity.address,
        identity.commune?.inseeCode ?? current.commune_insee,
        identity.commune?.name ?? current.commune_name,
        identity.commune?.postalCode ?? current.postal_code,
        cv.platform,
        cv.depositedOn,
      ],
    );
    return updated[0];
  }

  /** A signed CER puts the person in coaching. */
  override async startCoaching(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE beneficiary SET status = 'in_coaching', updated_at = now() WHERE id = $1`, [id]);
  }

  /** The coaching ends (or the person is reoriented) on `on`. */
  override async end(
    manager: EntityManager,
    id: string,
    end: { status: CoachingStatus; exitReason: ExitReason | null; reorientedTo: string | null; on: string },
  ): Promise<BeneficiaryRow> {
    const updated: BeneficiaryRow[] = await updateReturning(
      manager,
      `UPDATE beneficiary SET status = $2, exit_reason = $3, reoriented_to = $4, ended_on = $5, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, end.status, end.exitReason, end.reorientedTo, end.on],
    );
    return updated[0];
  }

  /**
   * An active coach, locked until the transaction ends: locking the coach's row serialises
   * assignments to one coach, so two managers cannot both fill the last place.
   */
  override async lockActiveCoach(
    manager: EntityManager,
    userId: string,
  ): Promise<{ id: string; displayName: string; structureId: string } | null> {
    const coaches: Array<{ id: string; display_name: string; structure_id: string }> = await manager.query(
      `SELECT id, display_name, structure_id FROM identity_user_v
       WHERE id = $1 AND status = 'active' AND 'coach' = ANY(roles) FOR UPDATE`,
      [userId],
    );
    const coach = coaches.at(0);
    return coach ? { id: coach.id, displayName: coach.display_name, structureId: coach.structure_id } : null;
  }

  /** How many active people the coach follows, `exceptId` aside. */
  override async activeLoad(manager: EntityManager, coachUserId: string, exceptId: string): Promise<number> {
    const counted: Array<{ n: string }> = await manager.query(
      `SELECT count(*) AS n FROM beneficiary
       WHERE referent_user_id = $1 AND status = ANY($2) AND erased_at IS NULL AND id <> $3`,
      [coachUserId, ACTIVE_STATUSES, exceptId],
    );
    return Number(counted[0].n);
  }

  /** Ends the current referent's assignment, opens the new one (who, and above the cap why) and names them. */
  override async reassign(
    manager: EntityManager,
    id: string,
    assignment: { coachUserId: string; assignedBy: string; capOverride: boolean; reason: string | null },
  ): Promise<BeneficiaryRow> {
    await manager.query(
      `UPDATE beneficiary_assignment SET ended_at = now() WHERE beneficiary_id = $1 AND ended_at IS NULL`,
      [id],
    );
    await manager.query(
      `INSERT INTO beneficiary_assignment (beneficiary_id, coach_user_id, assigned_by, cap_override, reason)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, assignment.coachUserId, assignment.assignedBy, assignment.capOverride, assignment.reason],
    );
    const updated: BeneficiaryRow[] = await updateReturning(
      manager,
      `UPDATE beneficiary SET referent_user_id = $2, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, assignment.coachUserId],
    );
    return updated[0];
  }

  /** What a card names of a person not erased: their first name (and their structure, for the audit row). */
  override async cardIdentity(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; structureId: string; firstName: string | null } | null> {
    const rows: Array<{ id: string; structure_id: string; first_name: string | null }> = await manager.query(
      'SELECT id, structure_id, first_name FROM beneficiary WHERE id = $1 AND erased_at IS NULL',
      [id],
    );
    const row = rows.at(0);
    return row ? { id: row.id, structureId: row.structure_id, firstName: row.first_name } : null;
  }

  override async referentName(manager: EntityManager, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const rows: Array<{ display_name: string }> = await manager.query(
      'SELECT display_name FROM identity_user_v WHERE id = $1',
      [userId],
    );
    return rows.at(0)?.display_name ?? null;
  }

  override async referents(manager: EntityManager, id: string): Promise<ReferentHistoryEntry[]> {
    const rows: Array<{
      coach_user_id: string;
      coach_name: string | null;
      started_at: Date;
      ended_at: Date | null;
      cap_override: boolean;
      assigned_by: string;
      assigned_by_name: string | null;
      reason: string | null;
    }> = await manager.query(
      `SELECT a.*, c.display_name AS coach_name, m.display_name AS assigned_by_name
       FROM beneficiary_assignment a
       LEFT JOIN identity_user_v c ON c.id = a.coach_user_id
       LEFT JOIN identity_user_v m ON m.id = a.assigned_by
       WHERE a.beneficiary_id = $1 ORDER BY a.started_at, a.id`,
      [id],
    );
    return rows.map((row) => ({
      coachUserId: row.coach_user_id,
      coachName: row.coach_name,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      capOverride: row.cap_override,
      assignedByUserId: row.assigned_by,
      assignedByName: row.assigned_by_name,
      reason: row.reason,
    }));
  }

  /**
   * The people in `scope` (its placeholders numbered from 3), of one referent or all, with the given
   * statuses (null: any).
   */
  override async portfolio(
    manager: EntityManager,
    scope: ScopeCondition,
    coachUserId: string | null,
    statuses: readonly CoachingStatus[] | null,
  ): Promise<PortfolioRow[]> {
    const params: unknown[] = [[...CONTACT_KINDS], coachUserId, ...scope.params, statuses];
    return manager.query(
      `SELECT b.*, (SELECT u.display_name FROM identity_user_v u WHERE u.id = b.referent_user_id) AS referent_name,
         (SELECT to_char(max(e.occurred_on), 'YYYY-MM-DD') FROM coaching_event e
           WHERE e.beneficiary_id = b.id AND e.kind = ANY($1) AND e.deleted_at IS NULL) AS last_contact_on,
         to_char(greatest(b.orientation_date, coalesce((SELECT a.started_at::date FROM beneficiary_assignment a
           WHERE a.beneficiary_id = b.id AND a.ended_at IS NULL), b.orientation_date)), 'YYYY-MM-DD') AS followed_since,
         to_char(c.start_date, 'YYYY-MM-DD') AS cer_start, to_char(c.end_date, 'YYYY-MM-DD') AS cer_end,
         (SELECT count(*)::int FROM barrier r WHERE r.beneficiary_id = b.id AND r.status <> 'resolved') AS open_barriers,
         (SELECT count(*)::int FROM offer_proposal p WHERE p.beneficiary_id = b.id) AS proposed_offers
       FROM beneficiary b
       LEFT JOIN cer c ON c.beneficiary_id = b.id AND c.outcome IS NULL
       WHERE b.erased_at IS NULL AND ($2::uuid IS NULL OR b.referent_user_id = $2) AND (${scope.sql})
         AND ($${params.length}::text[] IS NULL OR b.status = ANY($${params.length}))`,
      params,
    );
  }
}
