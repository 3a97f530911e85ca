import type { EntityManager } from 'typeorm';
import { addDays } from '@passerelle/coaching';
import { type FollowUpRow, FollowUpStore, type StoredAnswer } from '../application/ports/follow-up-store.js';
import { FOLLOW_UP_GRACE_DAYS } from '../domain/outcomes.js';

/** A checkpoint as held: its row, whether its task was made, who answered. */
export type StoredFollowUp = FollowUpRow & { task_created_at: Date | null; answered_by: string | null };

/**
 * Checkpoints held in a map; the manager is ignored. A scope whose SQL is `true` reaches every
 * person, any other only the checkpoints assigned to the reader.
 */
export class InMemoryFollowUpStore extends FollowUpStore {
  readonly rows = new Map<string, StoredFollowUp>();

  /** Puts checkpoints on file. */
  given(...rows: Array<FollowUpRow & { task_created_at?: Date | null }>): this {
    for (const row of rows) this.rows.set(row.id, { task_created_at: null, answered_by: null, ...row });
    return this;
  }

  list(
    _manager: EntityManager,
    userId: string,
    state: string | null,
    today: string,
    scope: { sql: string; params: unknown[] },
  ): Promise<FollowUpRow[]> {
    const overdueBefore = addDays(today, -FOLLOW_UP_GRACE_DAYS);
    const inState = (row: FollowUpRow): boolean => {
      switch (state) {
        case 'due':
          return !row.answered_at && row.due_on <= today && row.due_on >= overdueBefore;
        case 'overdue':
          return !row.answered_at && row.due_on < overdueBefore;
        case 'upcoming':
          return !row.answered_at && row.due_on > today;
        case 'answered':
          return row.answered_at !== null;
        default:
          return true;
      }
    };
    return Promise.resolve(
      [...this.rows.values()]
        .filter((row) => row.assignee_user_id === userId || scope.sql === 'true')
        .filter(inState)
        .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.id.localeCompare(b.id)),
    );
  }

  lock(_manager: EntityManager, id: string): Promise<FollowUpRow | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  one(_manager: EntityManager, id: string): Promise<FollowUpRow> {
    return Promise.resolve(this.rows.get(id)!);
  }

  forTask(_manager: EntityManager, id: string): Promise<(FollowUpRow & { task_created_at: Date | null }) | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  answer(_manager: EntityManager, id: string, answer: StoredAnswer, userId: string): Promise<void> {
    const row = this.rows.get(id)!;
    this.rows.set(id, {
      ...row,
      answered_at: new Date(),
      answered_by: userId,
      in_job: answer.inJob,
      rsa_exit: answer.rsaExit,
      difficulties: answer.difficulties,
      employer_view: answer.employerView,
      note: answer.note,
      task_created_at: row.task_created_at ?? new Date(),
    });
    return Promise.resolve();
  }

  markTaskCreated(_manager: EntityManager, id: string): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.task_created_at) return Promise.resolve(false);
    this.rows.set(id, { ...row, task_created_at: new Date() });
    return Promise.resolve(true);
  }
}
