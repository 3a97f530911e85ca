import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTIVE_STATUSES } from '../domain/coaching.js';
import { type CapOverrideRow, CoachLoadStore, type CoachLoadRow } from '../application/ports/coach-load-store.js';

/** Coaches' portfolios counted across structures (`structureIds` null: all). */
@Injectable()
export class SqlCoachLoadStore extends CoachLoadStore {
  override async coaches(manager: EntityManager, structureIds: readonly string[] | null): Promise<CoachLoadRow[]> {
    const rows: Array<{
      id: string;
      display_name: string;
      structure_id: string;
      structure_name: string;
      load: number;
      overrides: number;
    }> = await manager.query(
      `SELECT u.id, u.display_name, u.structure_id, s.name AS structure_name,
         (SELECT count(*)::int FROM beneficiary b
           WHERE b.referent_user_id = u.id AND b.status = ANY($1) AND b.erased_at IS NULL) AS load,
         (SELECT count(*)::int FROM beneficiary_assignment a JOIN beneficiary b ON b.id = a.beneficiary_id
           WHERE a.coach_user_id = u.id AND a.ended_at IS NULL AND a.cap_override
             AND b.referent_user_id = u.id AND b.status = ANY($1) AND b.erased_at IS NULL) AS overrides
       FROM identity_user_v u JOIN identity_structure_v s ON s.id = u.structure_id
       WHERE u.status = 'active' AND 'coach' = ANY(u.roles) AND ($2::uuid[] IS NULL OR u.structure_id = ANY($2))
       ORDER BY u.display_name, u.id`,
      [ACTIVE_STATUSES, structureIds],
    );
    return rows.map((row) => ({
      userId: row.id,
      displayName: row.display_name,
      structureId: row.structure_id,
      structureName: row.structure_name,
      load: row.load,
      overrides: row.overrides,
    }));
  }

  /** Active people with no referent coach yet. */
  override async unassigned(manager: EntityManager, structureIds: readonly string[] | null): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM beneficiary
       WHERE referent_user_id IS NULL AND status = ANY($1) AND erased_at IS NULL
         AND ($2::uuid[] IS NULL OR structure_id = ANY($2))`,
      [ACTIVE_STATUSES, structureIds],
    );
    return rows[0]?.n ?? 0;
  }

  /** Assignments above the cap still in force, newest first. */
  override async capOverrides(
    manager: EntityManager,
    structureIds: readonly string[] | null,
  ): Promise<CapOverrideRow[]> {
    const rows: Array<{
      beneficiary_id: string;
      first_name: string | null;
      last_name: string | null;
      structure_id: string;
      coach_user_id: string;
      started_at: Date;
      assigned_by: string;
      assigned_by_name: string | null;
      reason: string | null;
    }> = await manager.query(
      `SELECT a.beneficiary_id, b.first_name, b.last_name, b.structure_id, a.coach_user_id, a.started_at,
         a.assigned_by, m.display_name AS assigned_by_name, a.reason
       FROM beneficiary_assignment a
       JOIN beneficiary b ON b.id = a.beneficiary_id
       LEFT JOIN identity_user_v m ON m.id = a.assigned_by
       WHERE a.ended_at IS NULL AND a.cap_override AND b.referent_user_id = a.coach_user_id
         AND b.status = ANY($1) AND b.erased_at IS NULL AND ($2::uuid[] IS NULL OR b.structure_id = ANY($2))
       ORDER BY a.started_at DESC, a.id`,
      [ACTIVE_STATUSES, structureIds],
    );
    return rows.map((row) => ({
      beneficiaryId: row.beneficiary_id,
      firstName: row.first_name,
      lastName: row.last_name,
      structureId: row.structure_id,
      coachUserId: row.coach_user_id,
      assignedAt: row.started_at,
      assignedByUserId: row.assigned_by,
      assignedByName: row.assigned_by_name,
      reason: row.reason,
    }));
  }
}
