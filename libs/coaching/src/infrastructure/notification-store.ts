import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import {
  type NewNotification,
  NotificationStore,
  type NotificationView,
} from '../application/ports/notification-store.js';

/** The inbox (`user_notification`): one notification per kind, subject and user. */
@Injectable()
export class SqlNotificationStore extends NotificationStore {
  override async list(manager: EntityManager, userId: string, unreadOnly: boolean): Promise<NotificationView[]> {
    const rows: Array<{
      id: string;
      kind: string;
      subject_type: string;
      subject_id: string;
      message: string;
      due_on: string | null;
      created_at: Date;
      read_at: Date | null;
    }> = await manager.query(
      `SELECT * FROM user_notification WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
       ORDER BY created_at DESC, id LIMIT 200`,
      [userId, unreadOnly],
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

  override async unreadCount(manager: EntityManager, userId: string): Promise<number> {
    const rows: Array<{ count: number }> = await manager.query(
      'SELECT count(*)::int AS count FROM user_notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0].count;
  }

  /** False when the user has no such notification. */
  override async markRead(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      manager,
      'UPDATE user_notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, userId],
    );
    return rows.length > 0;
  }

  /**
   * Records it, or under `refresh` makes a repeat unread again with its new text; returns the user
   * when it was recorded or refreshed (nobody when `once` finds it there already).
   */
  override async record(
    manager: EntityManager,
    notification: NewNotification,
    mode: 'once' | 'refresh',
  ): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `INSERT INTO user_notification (user_id, kind, subject_type, subject_id, message, due_on)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, subject_id, user_id) DO ${
         mode === 'refresh'
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
    return rows.map((row) => row.user_id);
  }

  /** Withdraws every retention notice but those of `keptFor` (the files still coming up for anonymisation). */
  override async withdrawRetentionNotices(manager: EntityManager, keptFor: readonly string[]): Promise<void> {
    await manager.query(
      `DELETE FROM user_notification WHERE kind = 'retention_notice' AND subject_type = 'beneficiary'
         AND NOT (subject_id = ANY($1::uuid[]))`,
      [[...keptFor]],
    );
  }

  override async withdrawKind(
    manager: EntityManager,
    kind: string,
    which: { readonly about: readonly string[] } | { readonly keptFor: readonly string[] },
  ): Promise<void> {
    const ids = 'about' in which ? which.about : which.keptFor;
    await manager.query(
      `DELETE FROM user_notification WHERE kind = $1 AND subject_type = 'beneficiary'
         AND (subject_id = ANY($2::uuid[])) = $3`,
      [kind, [...ids], 'about' in which],
    );
  }

  /** Deletes every notification about these subjects, whoever it was for. */
  override async withdrawAbout(
    manager: EntityManager,
    subjects: ReadonlyArray<{ subjectType: string; subjectId: string }>,
  ): Promise<void> {
    if (subjects.length === 0) return;
    await manager.query(
      `DELETE FROM user_notification n USING unnest($1::text[], $2::uuid[]) AS s(subject_type, subject_id)
       WHERE n.subject_type = s.subject_type AND n.subject_id = s.subject_id`,
      [subjects.map((subject) => subject.subjectType), subjects.map((subject) => subject.subjectId)],
    );
  }

  /** The notifications about a person (their export). */
  override async aboutPerson(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ kind: string; message: string; createdAt: Date }>> {
    const rows: Array<{ kind: string; message: string; created_at: Date }> = await manager.query(
      `SELECT kind, message, created_at FROM user_notification WHERE subject_type = 'beneficiary' AND subject_id = $1`,
      [beneficiaryId],
    );
    return rows.map((row) => ({ kind: row.kind, message: row.message, createdAt: row.created_at }));
  }
}
