import type { EntityManager } from 'typeorm';
import type {
  Difficulty,
  FollowUpKind,
  Milestone,
  PlacementContract,
  PlacementEndReason,
} from '../../domain/outcomes.js';

export interface ExportedJob {
  readonly id: string;
  readonly employerName: string;
  readonly contractType: PlacementContract;
  readonly contractMonths: number | null;
  readonly weeklyHours: number | null;
  readonly startDate: string;
  readonly durable: boolean;
  readonly endDate: string | null;
  readonly endReason: PlacementEndReason | null;
}

export interface ExportedFollowUp {
  readonly kind: FollowUpKind;
  readonly milestone: Milestone;
  readonly dueOn: string;
  readonly employerName: string | null;
  readonly answeredAt: Date | null;
  readonly inJob: boolean | null;
  readonly rsaExit: boolean | null;
  readonly difficulties: Difficulty[];
  readonly employerView: string | null;
  readonly note: string | null;
}

/**
 * An employer's answer to a follow-up form about the person: still in the job, or when and why they
 * left, and the employer's remark. Not the contact's name or address (a third party's).
 */
export interface ExportedEmployerFollowUpAnswer {
  readonly milestone: Milestone;
  readonly employerName: string | null;
  readonly job: string;
  readonly answeredAt: Date;
  readonly inJob: boolean;
  readonly endDate: string | null;
  readonly endReason: PlacementEndReason | null;
  readonly remark: string | null;
}

/** What outcomes hold on one person, for their export. */
export abstract class PersonExportStore {
  /** Their jobs, oldest first. */
  abstract jobs(manager: EntityManager, beneficiaryId: string): Promise<ExportedJob[]>;

  abstract followUps(manager: EntityManager, beneficiaryId: string): Promise<ExportedFollowUp[]>;

  /** The employers' answers to follow-up forms, oldest first. */
  abstract employerFollowUpAnswers(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<ExportedEmployerFollowUpAnswer[]>;

  /** The staff's names by id. */
  abstract staffNames(manager: EntityManager, userIds: readonly string[]): Promise<Record<string, string>>;
}
