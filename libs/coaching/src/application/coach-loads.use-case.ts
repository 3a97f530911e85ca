import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog, StructureTree } from '@passerelle/identity';
import { ACTIVE_STATUSES } from '../domain/coaching.js';

/** A referent given above the cap, in force now: who decided, when and why. */
export interface CapOverrideView {
  readonly beneficiaryId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly coachUserId: string;
  readonly assignedAt: Date;
  readonly assignedByUserId: string;
  readonly assignedByName: string | null;
  readonly reason: string | null;
}

export interface CoachLoad {
  readonly userId: string;
  readonly displayName: string;
  readonly structureId: string;
  readonly structureName: string;
  /** People the coach follows now (oriented or in coaching). */
  readonly load: number;
  /** Of them, how many were given above the cap. */
  readonly overrides: number;
}

export interface CoachLoads {
  /** The portfolio cap in force (setting `coaching.portfolio_cap`). */
  readonly cap: number;
  readonly coaches: CoachLoad[];
  /** Active people of the manager's structures with no referent coach yet. */
  readonly unassigned: number;
  readonly capOverrides: CapOverrideView[];
}

/**
 * Each coach's load against the portfolio cap, across the manager's structures, with the
 * overrides in force. The people named by an override are an audited read.
 */
@Injectable()
export class ReadCoachLoads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor): Promise<CoachLoads> {
    const { structureIds } = await this.tree.reach(actor, 'beneficiaries.assign');
    const cap = await this.settings.number('coaching.portfolio_cap');
    const coaches: Array<{
      id: string;
      display_name: string;
      structure_id: string;
      structure_name: string;
      load: number;
      overrides: number;
    }> = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.structure_id, s.name AS structure_name,
         (SELECT count(*)::int FROM beneficiary b
           WHERE b.referent_user_id = u.id AND b.status = ANY($1) AND b.erased_at IS NULL) AS load,
         (SELECT count(*)::int FROM beneficiary_assignment a JOIN beneficiary b ON b.id = a.beneficiary_id
           WHERE a.coach_user_id = u.id AND a.ended_at IS NULL AND a.cap_override
             AND b.referent_user_id = u.id AND b.status = ANY($1) AND b.erased_at IS NULL) AS overrides
       FROM app_user u JOIN structure s ON s.id = u.structure_id
       WHERE u.status = 'active' AND 'coach' = ANY(u.roles) AND ($2::uuid[] IS NULL OR u.structure_id = ANY($2))
       ORDER BY u.display_name, u.id`,
      [ACTIVE_STATUSES, structureIds],
    );
    const unassigned: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM beneficiary
       WHERE referent_user_id IS NULL AND status = ANY($1) AND erased_at IS NULL
         AND ($2::uuid[] IS NULL OR structure_id = ANY($2))`,
      [ACTIVE_STATUSES, structureIds],
    );
    const overrides: Array<{
      beneficiary_id: string;
      first_name: string | null;
      last_name: string | null;
      structure_id: string;
      coach_user_id: string;
      started_at: Date;
      assigned_by: string;
      assigned_by_name: string | null;
      reason: string | null;
    }> = await this.dataSource.query(
      `SELECT a.beneficiary_id, b.first_name, b.last_name, b.structure_id, a.coach_user_id, a.started_at,
         a.assigned_by, m.display_name AS assigned_by_name, a.reason
       FROM beneficiary_assignment a
       JOIN beneficiary b ON b.id = a.beneficiary_id
       LEFT JOIN app_user m ON m.id = a.assigned_by
       WHERE a.ended_at IS NULL AND a.cap_override AND b.referent_user_id = a.coach_user_id
         AND b.status = ANY($1) AND b.erased_at IS NULL AND ($2::uuid[] IS NULL OR b.structure_id = ANY($2))
       ORDER BY a.started_at DESC, a.id`,
      [ACTIVE_STATUSES, structureIds],
    );
    await this.audit.record(
      actor,
      'list',
      [
        ...coaches.map((coach) => ({ type: 'user', id: coach.id, structureId: coach.structure_id })),
        ...overrides.map((row) => ({ type: 'beneficiary', id: row.beneficiary_id, structureId: row.structure_id })),
      ],
      { view: 'coach_loads' },
    );
    return {
      cap,
      coaches: coaches.map((coach) => ({
        userId: coach.id,
        displayName: coach.display_name,
        structureId: coach.structure_id,
        structureName: coach.structure_name,
        load: coach.load,
        overrides: coach.overrides,
      })),
      unassigned: unassigned[0]?.n ?? 0,
      capOverrides: overrides.map((row) => ({
        beneficiaryId: row.beneficiary_id,
        firstName: row.first_name,
        lastName: row.last_name,
        coachUserId: row.coach_user_id,
        assignedAt: row.started_at,
        assignedByUserId: row.assigned_by,
        assignedByName: row.assigned_by_name,
        reason: row.reason,
      })),
    };
  }
}
