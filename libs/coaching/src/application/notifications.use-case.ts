import { updateReturning } from '@passerelle/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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

/** A user's own notifications (retention notices, later reminders), newest first. */
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

  async markRead(actor: Actor, id: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      this.dataSource,
      'UPDATE user_notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, actor.userId],
    );
    return rows.length > 0;
  }
}
