import type { EntityManager } from 'typeorm';

export interface CoachLoadRow {
  readonly userId: string;
  readonly displayName: string;
  readonly structureId: string;
  readonly structureName: string;
  /** People the coach follows now (oriented or in coaching). */
  readonly load: number;
  /** Of them, how many were given above the cap. */
  readonly overrides: number;
}

/** A referent given above the cap, in force now: who decided, when and why. */
export interface CapOverrideRow {
  readonly beneficiaryId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly structureId: string;
  readonly coachUserId: string;
  readonly assignedAt: Date;
  readonly assignedByUserId: string;
  readonly assignedByName: string | null;
  readonly reason: string | null;
}

/** Coaches' portfolios counted across structures (`structureIds` null: all). */
export abstract class CoachLoadStore {
  abstract coaches(manager: EntityManager, structureIds: readonly string[] | null): Promise<CoachLoadRow[]>;

  /** Active people with no referent coach yet. */
  abstract unassigned(manager: EntityManager, structureIds: readonly string[] | null): Promise<number>;

  /** Assignments above the cap still in force, newest first. */
  abstract capOverrides(manager: EntityManager, structureIds: readonly string[] | null): Promise<CapOverrideRow[]>;
}
