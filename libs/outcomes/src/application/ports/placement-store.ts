import type { EntityManager } from 'typeorm';
import type { Milestone, PlacementContract, PlacementEndReason, PlacementFoundBy } from '../../domain/outcomes.js';

export interface PlacementView {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly introductionId: string | null;
  readonly employerId: string | null;
  readonly employerName: string;
  readonly foundBy: PlacementFoundBy;
  readonly contractType: PlacementContract;
  readonly contractMonths: number | null;
  readonly weeklyHours: number | null;
  readonly startDate: string;
  readonly durable: boolean;
  readonly aidAmount: number | null;
  readonly endDate: string | null;
  readonly endReason: PlacementEndReason | null;
  readonly checkpoints: Array<{ id: string; milestone: Milestone; dueOn: string; answeredAt: Date | null }>;
}

/** A placement as stored (numbers as PostgreSQL's numeric text). */
export interface PlacementRow {
  id: string;
  beneficiary_id: string;
  introduction_id: string | null;
  employer_id: string | null;
  employer_name: string;
  found_by: PlacementFoundBy;
  contract_type: PlacementContract;
  contract_months: string | null;
  weekly_hours: string | null;
  start_date: string;
  durable: boolean;
  aid_amount: string | null;
  end_date: string | null;
  end_reason: PlacementEndReason | null;
}

/** A placement as the store records it. */
export interface PlacementRecord {
  readonly beneficiaryId: string;
  readonly introductionId: string | null;
  readonly employerId: string | null;
  readonly employerName: string;
  readonly foundBy: PlacementFoundBy;
  readonly contractType: PlacementContract;
  readonly contractMonths: number | null;
  readonly weeklyHours: number | null;
  readonly startDate: string;
  readonly durable: boolean;
  readonly aidAmount: number | null;
  readonly createdBy: string;
}

/** One checkpoint of a placement, as the store records it. */
export interface CheckpointRecord {
  readonly beneficiaryId: string;
  readonly placementId: string;
  readonly milestone: Milestone;
  readonly dueOn: string;
  readonly assigneeUserId: string;
}

/** Placements and their checkpoints (follow-ups of kind `placement`). */
export abstract class PlacementStore {
  /** The new placement's id; null when the introduction already has its placement. */
  abstract insert(manager: EntityManager, placement: PlacementRecord): Promise<string | null>;

  abstract addCheckpoint(manager: EntityManager, checkpoint: CheckpointRecord): Promise<void>;

  abstract end(manager: EntityManager, id: string, endDate: string, reason: PlacementEndReason): Promise<void>;

  /** The person (not erased), locked until the transaction ends. */
  abstract lockPerson(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<{ id: string; structureId: string } | null>;

  /** The placement of a person not erased, locked, with who may change it (referent, author). */
  abstract lock(
    manager: EntityManager,
    id: string,
  ): Promise<(PlacementRow & { referent_user_id: string | null; created_by: string }) | null>;

  abstract view(manager: EntityManager, id: string): Promise<PlacementView>;

  /** The person's placements, oldest first. */
  abstract ofPerson(manager: EntityManager, beneficiaryId: string): Promise<PlacementView[]>;
}
