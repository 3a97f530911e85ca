import { addDays, shortName } from '@passerelle/coaching';
import {
  type Difficulty,
  FOLLOW_UP_GRACE_DAYS,
  type FollowUpKind,
  type Milestone,
  type PlacementContract,
  type PlacementEndReason,
} from '../domain/outcomes.js';
import type { EmployerLinkState } from '../domain/employer-follow-up.js';
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
    /** The employer's record at the mediation desk, when the job is with a known employer. */
    readonly employerId: string | null;
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
  /**
   * The employer's two-question form (placements only): its answered link, else its newest link in
   * force; null when none was sent. The answer's source is the employer (its date is `answeredAt`).
   */
  readonly employerForm: {
    readonly linkId: string;
    readonly state: EmployerLinkState;
    readonly contactName: string;
    readonly sentAt: Date;
    readonly expiresAt: Date;
    readonly openedAt: Date | null;
    readonly answer: {
      readonly source: 'employer';
      readonly answeredAt: Date;
      readonly inJob: boolean;
      readonly endDate: string | null;
      readonly endReason: PlacementEndReason | null;
      readonly remark: string | null;
    } | null;
  } | null;
}

function employerFormOf(row: FollowUpRow): FollowUpView['employerForm'] {
  const form = row.employer_form;
  if (!form) return null;
  return {
    linkId: form.id,
    state: form.answeredAt ? 'answered' : form.openedAt ? 'opened' : 'sent',
    contactName: form.contactName,
    sentAt: new Date(form.sentAt),
    expiresAt: new Date(form.expiresAt),
    openedAt: form.openedAt ? new Date(form.openedAt) : null,
    answer:
      form.answeredAt && form.inJob !== null
        ? {
            source: 'employer',
            answeredAt: new Date(form.answeredAt),
            inJob: form.inJob,
            endDate: form.endDate,
            endReason: form.endReason,
            remark: form.remark,
          }
        : null,
  };
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
          employerId: row.employer_id,
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
    employerForm: employerFormOf(row),
  };
}
