import type { EntityManager } from 'typeorm';
import type {
  Difficulty,
  FollowUpKind,
  Milestone,
  PlacementContract,
  PlacementEndReason,
} from '../../domain/outcomes.js';

/**
 * The checkpoint's employer form as stored: its answered link, else its newest link in force
 * (dates as JSON gives them).
 */
export interface EmployerFormRecord {
  id: string;
  contactName: string;
  sentAt: string;
  expiresAt: string;
  openedAt: string | null;
  answeredAt: string | null;
  inJob: boolean | null;
  endDate: string | null;
  endReason: PlacementEndReason | null;
  remark: string | null;
}

/** A checkpoint with its person and placement. */
export interface FollowUpRow {
  id: string;
  beneficiary_id: string;
  first_name: string | null;
  last_name: string | null;
  kind: FollowUpKind;
  milestone: Milestone;
  due_on: string;
  assignee_user_id: string | null;
  referent_user_id: string | null;
  structure_id: string;
  placement_id: string | null;
  employer_id: string | null;
  employer_name: string | null;
  contract_type: PlacementContract | null;
  start_date: string | null;
  answered_at: Date | null;
  in_job: boolean | null;
  rsa_exit: boolean | null;
  difficulties: Difficulty[];
  employer_view: string | null;
  note: string | null;
  employer_form: EmployerFormRecord | null;
}

/** A checkpoint's answer as stored. */
export interface StoredAnswer {
  readonly inJob: boolean;
  readonly rsaExit: boolean | null;
  readonly difficulties: Difficulty[];
  readonly employerView: string | null;
  readonly note: string | null;
}

/** Follow-up checkpoints with their person and placement. */
export abstract class FollowUpStore {
  /**
   * Checkpoints assigned to `userId` or about the people of `scope` (placeholders from 4), in a
   * state (null: all) on `today`, people not erased.
   */
  abstract list(
    manager: EntityManager,
    userId: string,
    state: string | null,
    today: string,
    scope: { sql: string; params: unknown[] },
  ): Promise<FollowUpRow[]>;

  /** The checkpoint of a person not erased, locked until the transaction ends. */
  abstract lock(manager: EntityManager, id: string): Promise<FollowUpRow | null>;

  abstract one(manager: EntityManager, id: string): Promise<FollowUpRow>;

  /** The checkpoint of a person not erased, with whether its task was made. */
  abstract forTask(
    manager: EntityManager,
    id: string,
  ): Promise<(FollowUpRow & { task_created_at: Date | null }) | null>;

  /** Records the answer (and the task as made, if it was not). */
  abstract answer(manager: EntityManager, id: string, answer: StoredAnswer, userId: string): Promise<void>;

  /** Marks the task made; false when it already was (another delivery of the job). */
  abstract markTaskCreated(manager: EntityManager, id: string): Promise<boolean>;
}
