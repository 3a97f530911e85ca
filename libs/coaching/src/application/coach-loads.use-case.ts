import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeSettings } from '@passerelle/core';
import { type Actor, AuditLog, StructureTree } from '@passerelle/identity';
import { CoachLoadStore } from './ports/coach-load-store.js';

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
    private readonly loads: CoachLoadStore,
  ) {}

  async execute(actor: Actor): Promise<CoachLoads> {
    const { structureIds } = await this.tree.reach(actor, 'beneficiaries.assign');
    const cap = await this.settings.number('coaching.portfolio_cap');
    const manager = this.dataSource.manager;
    const coaches = await this.loads.coaches(manager, structureIds);
    const unassigned = await this.loads.unassigned(manager, structureIds);
    const overrides = await this.loads.capOverrides(manager, structureIds);
    await this.audit.record(
      actor,
      'list',
      [
        ...coaches.map((coach) => ({ type: 'user', id: coach.userId, structureId: coach.structureId })),
        ...overrides.map((row) => ({ type: 'beneficiary', id: row.beneficiaryId, structureId: row.structureId })),
      ],
      { view: 'coach_loads' },
    );
    return {
      cap,
      coaches,
      unassigned,
      capOverrides: overrides.map(({ structureId: _structureId, ...override }) => override),
    };
  }
}
