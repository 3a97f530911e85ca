import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { FOLLOW_UP_GRACE_DAYS } from '../domain/outcomes.js';
import { type FollowUpRow, FollowUpStore, type StoredAnswer } from '../application/ports/follow-up-store.js';

/** The employer's form of a checkpoint: its answered link, else its newest link in force. */
const EMPLOYER_FORM = `LEFT JOIN LATERAL (
    SELECT json_build_object('id', l.id, 'contactName', l.contact_name, 'sentAt', l.created_at,
      'expiresAt', l.expires_at, 'openedAt', l.first_opened_at, 'answeredAt', l.answered_at, 'inJob', l.in_job,
      'endDate', l.end_date, 'endReason', l.end_reason, 'remark', l.remark) AS employer_form
    FROM follow_up_employer_link l WHERE l.follow_up_id = f.id AND (l.answered_at IS NOT NULL OR l.revoked_at IS NULL)
    ORDER BY l.answered_at IS NULL, l.created_at DESC LIMIT 1) ef ON true`;

const SELECT = `SELECT f.*, b.first_name, b.last_name, b.referent_user_id, b.structure_id,
    p.employer_id, p.employer_name, p.contract_type, p.start_date, ef.employer_form
  FROM follow_up f JOIN coaching_beneficiary_v b ON b.id = f.beneficiary_id LEFT JOIN placement p ON p.id = f.placement_id
  ${EMPLOYER_FORM}`;

/** Follow-up checkpoints (`follow_up`) with their person and placement. */
@Injectable()
export class SqlFollowUpStore extends FollowUpStore {
  /**
   * Checkpoints assigned to `userId` or about the people of `scope` (placeholders from 4), in a
   * state (null: all) on `today`, people not erased.
   */
  async list(
    manager: EntityManager,
    userId: string,
    state: string | null,
    today: string,
    scope: { sql: string; params: unknown[] },
  ): Promise<FollowUpRow[]> {
    return manager.query(
      `${SELECT} WHERE b.erased_at IS NULL AND (f.assignee_user_id = $1 OR (${scope.sql}))
         AND CASE $2::text
           WHEN 'due' THEN f.answered_at IS NULL AND f.due_on <= $3 AND f.due_on >= $3::date - ${FOLLOW_UP_GRACE_DAYS}
           WHEN 'overdue' THEN f.answered_at IS NULL AND f.due_on < $3::date - ${FOLLOW_UP_GRACE_DAYS}
           WHEN 'upcoming' THEN f.answered_at IS NULL AND f.due_on > $3
           WHEN 'answered' THEN f.answered_at IS NOT NULL
           ELSE true END
       ORDER BY f.due_on, f.id LIMIT 500`,
      [userId, state, today, ...scope.params],
    );
  }

  /** The checkpoint of a person not erased, locked until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<FollowUpRow | null> {
    const rows: FollowUpRow[] = await manager.query(
      `${SELECT} WHERE f.id = $1 AND b.erased_at IS NULL FOR UPDATE OF f`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  async one(manager: EntityManager, id: string): Promise<FollowUpRow> {
    const rows: FollowUpRow[] = await manager.query(`${SELECT} WHERE f.id = $1`, [id]);
    return rows[0];
  }

  /** The checkpoint of a person not erased, with whether its task was made. */
  async forTask(manager: EntityManager, id: string): Promise<(FollowUpRow & { task_created_at: Date | null }) | null> {
    const rows: Array<FollowUpRow & { task_created_at: Date | null }> = await manager.query(
      `${SELECT} WHERE f.id = $1 AND b.erased_at IS NULL`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  /** Records the answer (and the task as made, if it was not). */
  async answer(manager: EntityManager, id: string, answer: StoredAnswer, userId: string): Promise<void> {
    await updateReturning(
      manager,
      `UPDATE follow_up SET answered_at = now(), answered_by = $2, in_job = $3, rsa_exit = $4, difficulties = $5,
         employer_view = $6, note = $7, task_created_at = coalesce(task_created_at, now())
       WHERE id = $1 RETURNING id`,
      [id, userId, answer.inJob, answer.rsaExit, answer.difficulties, answer.employerView, answer.note],
    );
  }

  /** Marks the task made; false when it already was (another delivery of the job). */
  async markTaskCreated(manager: EntityManager, id: string): Promise<boolean> {
    const marked: unknown[] = await updateReturning(
      manager,
      'UPDATE follow_up SET task_created_at = now() WHERE id = $1 AND task_created_at IS NULL RETURNING id',
      [id],
    );
    return marked.length > 0;
  }
}
