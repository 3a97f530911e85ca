import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays, BeneficiaryAccess, parisToday, RecordNotification, shortName } from '@passerelle/coaching';
import { Clock, type ErrorDetail } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import {
  type Difficulty,
  FOLLOW_UP_GRACE_DAYS,
  type FollowUpKind,
  type Milestone,
  MILESTONES,
  type PlacementContract,
} from '../domain/outcomes.js';
import { type FollowUpRow, FollowUpStore } from '../infrastructure/follow-up-store.js';
import { outcomesError } from '../domain/outcomes-errors.js';

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

export interface FollowUpAnswer {
  readonly inJob: boolean;
  readonly rsaExit?: boolean | null;
  readonly difficulties?: Difficulty[];
  readonly employerView?: string | null;
  readonly note?: string | null;
}

/**
 * Follow-up checkpoints as tasks: a checkpoint falls due (its job marks it and notifies the coach
 * or mediator it is assigned to), is answered (still in the job, RSA exit, difficulties, the
 * employer's view), and is listed as overdue a week after its date without an answer.
 */
@Injectable()
export class FollowUps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly notifications: RecordNotification,
    private readonly followUps: FollowUpStore,
  ) {}

  /** The actor's checkpoints: assigned to them, or about the people of their scope. */
  async list(actor: Actor, state?: FollowUpState): Promise<FollowUpView[]> {
    const today = parisToday(this.clock.now());
    const condition = await this.access.scope(actor, 'beneficiaries.read', 4);
    const rows = await this.followUps.list(this.dataSource.manager, actor.userId, state ?? null, today, condition);
    if (rows.length > 0)
      await this.audit.record(
        actor,
        'read',
        [...new Map(rows.map((row) => [row.beneficiary_id, row])).values()].map((row) => ({
          type: 'beneficiary',
          id: row.beneficiary_id,
          structureId: row.structure_id,
        })),
        { part: 'follow_ups' },
      );
    return rows.map((row) => this.toView(row, today));
  }

  async answer(actor: Actor, id: string, input: FollowUpAnswer): Promise<FollowUpView> {
    const today = parisToday(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const row = await this.followUps.lock(manager, id);
      if (!row || (row.assignee_user_id !== actor.userId && row.referent_user_id !== actor.userId))
        throw outcomesError('follow_up.not_found', 'no follow-up with this id for you');
      if (row.answered_at)
        throw outcomesError('follow_up.answered', 'this checkpoint was already answered', [
          { field: 'id', reason: `answered ${row.answered_at.toISOString()}` },
        ]);
      const problems: ErrorDetail[] = [];
      if (row.due_on > today) problems.push({ field: 'dueOn', reason: `not due before ${row.due_on}` });
      if (row.kind === 'coaching_end' && (input.rsaExit === undefined || input.rsaExit === null))
        problems.push({ field: 'rsaExit', reason: 'required after the end of coaching' });
      if (problems.length > 0)
        throw outcomesError('follow_up.invalid', 'this checkpoint cannot take this answer', problems);
      await this.followUps.answer(
        manager,
        id,
        {
          inJob: input.inJob,
          rsaExit: input.rsaExit ?? null,
          difficulties: [...new Set(input.difficulties ?? [])],
          employerView: input.employerView?.trim() || null,
          note: input.note?.trim() || null,
        },
        actor.userId,
      );
      await this.audit.record(
        actor,
        'update',
        [{ type: 'beneficiary', id: row.beneficiary_id, structureId: row.structure_id }],
        { part: 'follow_up', milestone: row.milestone, kind: row.kind },
        manager,
      );
      return this.toView(await this.followUps.one(manager, id), today);
    });
  }

  /**
   * The checkpoint's job fired: it becomes a task for its assignee (or the referent coach). Runs
   * at most once in effect, whatever the number of deliveries.
   */
  async markDue(followUpId: string): Promise<'task_created' | 'already' | 'answered' | 'gone' | 'early'> {
    const row = await this.followUps.forTask(this.dataSource.manager, followUpId);
    if (!row) return 'gone';
    if (row.answered_at) return 'answered';
    if (row.task_created_at) return 'already';
    // A job delivered before its day (a clock moved back) does nothing; the resync re-adds it.
    if (row.due_on > parisToday(this.clock.now())) return 'early';
    // The task mark and its notification commit together: whoever sees the one sees the other.
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.followUps.markTaskCreated(manager, followUpId))) return 'already';
      const assignee = row.assignee_user_id ?? row.referent_user_id;
      if (assignee) {
        const label = `M+${MILESTONES[row.milestone]}`;
        // The message names no one: the task opens the person's checkpoint.
        await this.notifications.execute(
          [
            {
              userId: assignee,
              kind: 'follow_up_due',
              subjectType: 'follow_up',
              subjectId: followUpId,
              message:
                row.kind === 'placement'
                  ? `Suivi ${label} dans l’emploi à faire (${row.employer_name ?? 'employeur'}).`
                  : `Suivi ${label} après la fin de l’accompagnement à faire.`,
              dueOn: row.due_on,
            },
          ],
          { manager },
        );
      }
      return 'task_created';
    });
  }

  private toView(row: FollowUpRow, today: string): FollowUpView {
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
}
