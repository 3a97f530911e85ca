import { updateReturning } from '@passerelle/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly message: string;
  readonly dueOn: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** A user's own notifications (requests, employers' answers, reminders, retention notices), newest first. */
@Injectable()
export class ReadNotifications {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, unreadOnly: boolean): Promise<NotificationView[]> {
    const rows: Array<{
      id: string;
      kind: string;
      subject_type: string;
      subject_id: string;
      message: string;
      due_on: string | null;
      created_at: Date;
      read_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT * FROM user_notification WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
       ORDER BY created_at DESC, id LIMIT 200`,
      [actor.userId, unreadOnly],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      message: row.message,
      dueOn: row.due_on,
      createdAt: row.created_at,
      readAt: row.read_at,
    }));
  }

  /** How many of the actor's notifications wait to be read (the badge in the navigation). */
  async unreadCount(actor: Actor): Promise<number> {
    const rows: Array<{ count: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM user_notification WHERE user_id = $1 AND read_at IS NULL',
      [actor.userId],
    );
    return rows[0].count;
  }

  async markRead(actor: Actor, id: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      this.dataSource,
      'UPDATE user_notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, actor.userId],
    );
    return rows.length > 0;
  }
}

/** One notification for one user, about one subject the user may open (its page links to it). */
export interface NewNotification {
  readonly userId: string;
  /** What happened: `candidate_request`, `employer_answer`, `follow_up_due`... */
  readonly kind: string;
  /** What it is about, opened from the inbox: `introduction`, `candidate_request`, `follow_up`, `beneficiary`. */
  readonly subjectType: string;
  readonly subjectId: string;
  /**
   * Shown as is in the inbox: it names what the recipient may already see (an offer, an employer),
   * never a welfare status or a detail of the person's file.
   */
  readonly message: string;
  readonly dueOn?: string | null;
}

/**
 * The one way every context feeds the inbox, inside the caller's transaction (the notification
 * exists if and only if what it announces does). One notification per kind, subject and user:
 * `once` keeps the first (a reminder fires once); `refresh` makes a repeat unread again with its
 * new text (an employer who answers a second time).
 */
@Injectable()
export class RecordNotification {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The users it was recorded for (or made unread again): those not already notified under `once`. */
  async execute(
    notifications: readonly NewNotification[],
    options: { mode?: 'once' | 'refresh'; manager?: EntityManager } = {},
  ): Promise<string[]> {
    const manager = options.manager ?? this.dataSource.manager;
    const recorded: string[] = [];
    for (const notification of notifications) {
      const rows: Array<{ user_id: string }> = await manager.query(
        `INSERT INTO user_notification (user_id, kind, subject_type, subject_id, message, due_on)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (kind, subject_id, user_id) DO ${
           options.mode === 'refresh'
             ? 'UPDATE SET message = EXCLUDED.message, due_on = EXCLUDED.due_on, created_at = now(), read_at = NULL'
             : 'NOTHING'
         }
         RETURNING user_id`,
        [
          notification.userId,
          notification.kind,
          notification.subjectType,
          notification.subjectId,
          notification.message,
          notification.dueOn ?? null,
        ],
      );
      recorded.push(...rows.map((row) => row.user_id));
    }
    return recorded;
  }
}
