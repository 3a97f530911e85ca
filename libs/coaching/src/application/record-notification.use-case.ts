import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type NewNotification, NotificationStore } from './ports/notification-store.js';

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
