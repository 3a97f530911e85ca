import { addDays, shortName } from '@passerelle/coaching';
import {
  type Difficulty,
  FOLLOW_UP_GRACE_DAYS,
  type FollowUpKind,
  type Milestone,
  type PlacementContract,
} from '../domain/outcomes.js';
import type { FollowUpRow } from './ports/follow-up-store.js';

export const FOLLOW_UP_STATES = ['due', 'overdue', 'upcoming', 'answered'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface FollowUpView {
  readonly id: string;
  readonly beneficiaryId: string;
  /** First name and initial: enough for the task list. */
  readonly person: string;
  readonly kind: FollowUpKind;
  readonly milestone: Milestone;
  readonly dueOn: string;
  readonly state: FollowUpState;
  readonly placement: {
    readonly id: string;
    readonly employerName: string;
    readonly contractType: PlacementContract;
    readonly startDate: string;
  } | null;
  readonly assigneeUserId: string | null;
  readonly answer: {
    readonly answeredAt: Date;
    readonly inJob: boolean;
    readonly rsaExit: boolean | null;
    readonly difficulties: Difficulty[];
    readonly employerView: string | null;
    readonly note: string | null;
  } | null;
}

/** A checkpoint as a task on `today`: upcoming, due, overdue a week after its day, or answered. */
export function followUpView(row: FollowUpRow, today: string): FollowUpView {
  const state: FollowUpState = row.answered_at
    ? 'answered'
    : row.due_on > today
      ? 'upcoming'
      : row.due_on < addDays(today, -FOLLOW_UP_GRACE_DAYS)
        ? 'overdue'
        : 'due';
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    person: shortName(row.first_name, row.last_name),
    kind: row.kind,
    milestone: row.milestone,
    dueOn: row.due_on,
    state,
    placement: row.placement_id
      ? {
          id: row.placement_id,
          employerName: row.employer_name!,
          contractType: row.contract_type!,
          startDate: row.start_date!,
        }
      : null,
    assigneeUserId: row.assignee_user_id,
    answer: row.answered_at
      ? {
          answeredAt: row.answered_at,
          inJob: row.in_job!,
          rsaExit: row.rsa_exit,
          difficulties: row.difficulties,
          employerView: row.employer_view,
          note: row.note,
        }
      : null,
  };
}
