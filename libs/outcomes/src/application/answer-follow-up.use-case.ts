import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import { Clock, type ErrorDetail } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import type { Difficulty } from '../domain/outcomes.js';
import { outcomesError } from '../domain/outcomes-errors.js';
import { followUpView, type FollowUpView } from './follow-up-view.js';
import { FollowUpStore } from './ports/follow-up-store.js';

export interface FollowUpAnswer {
  readonly inJob: boolean;
  readonly rsaExit?: boolean | null;
  readonly difficulties?: Difficulty[];
  readonly employerView?: string | null;
  readonly note?: string | null;
}

/**
 * Its assignee or the person's referent coach answers a checkpoint, once, from its day on: still in
 * the job, RSA exit (required after the end of coaching), difficulties, the employer's view. Audited.
 */
@Injectable()
export class AnswerFollowUp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly followUps: FollowUpStore,
  ) {}

  async execute(actor: Actor, id: string, input: FollowUpAnswer): Promise<FollowUpView> {
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
      return followUpView(await this.followUps.one(manager, id), today);
    });
  }
}
