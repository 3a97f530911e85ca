import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { NotificationStore, type NotificationView } from './ports/notification-store.js';

/** A user's own notifications (requests, employers' answers, reminders, retention notices), newest first. */
@Injectable()
export class ListNotifications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationStore,
  ) {}

  execute(actor: Actor, unreadOnly: boolean): Promise<NotificationView[]> {
    return this.notifications.list(this.dataSource.manager, actor.userId, unreadOnly);
  }
}
