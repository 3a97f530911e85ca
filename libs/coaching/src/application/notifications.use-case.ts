import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import {
  type NewNotification,
  NotificationStore,
  type NotificationView,
} from '../infrastructure/notification-store.js';

export type { NewNotification, NotificationView } from '../infrastructure/notification-store.js';

/** A user's own notifications (requests, employers' answers, reminders, retention notices), newest first. */
@Injectable()
export class ReadNotifications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationStore,
  ) {}

  list(actor: Actor, unreadOnly: boolean): Promise<NotificationView[]> {
    return this.notifications.list(this.dataSource.manager, actor.userId, unreadOnly);
  }

  /** How many of the actor's notifications wait to be read (the badge in the navigation). */
  unreadCount(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(this.dataSource.manager, actor.userId);
  }

  markRead(actor: Actor, id: string): Promise<boolean> {
    return this.notifications.markRead(this.dataSource.manager, actor.userId, id);
  }
}

/**
 * The one way every context feeds the inbox, inside the caller's transaction (the notification
 * exists if and only if what it announces does). One notification per kind, subject and user:
 * `once` keeps the first (a reminder fires once); `refresh` makes a repeat unread again with its
 * new text (an employer who answers a second time).
 */
@Injectable()
export class RecordNotification {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationStore,
  ) {}

  /** The users it was recorded for (or made unread again): those not already notified under `once`. */
  async execute(
    notifications: readonly NewNotification[],
    options: { mode?: 'once' | 'refresh'; manager?: EntityManager } = {},
  ): Promise<string[]> {
    const manager = options.manager ?? this.dataSource.manager;
    const recorded: string[] = [];
    for (const notification of notifications)
      recorded.push(...(await this.notifications.record(manager, notification, options.mode ?? 'once')));
    return recorded;
  }

  /**
   * Withdraws the notifications about these subjects (another context's erasure handler: the
   * subjects are its records about the person), in the caller's transaction: the inbox is
   * coaching's table, written through this door only (ADR 0010).
   */
  async withdraw(
    subjects: ReadonlyArray<{ subjectType: string; subjectId: string }>,
    options: { manager: EntityManager },
  ): Promise<void> {
    await this.notifications.withdrawAbout(options.manager, subjects);
  }
}
