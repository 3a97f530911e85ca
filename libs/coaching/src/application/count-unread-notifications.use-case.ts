import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { NotificationStore } from './ports/notification-store.js';

/** How many of the actor's notifications wait to be read (the badge in the navigation). */
@Injectable()
export class CountUnreadNotifications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationStore,
  ) {}

  execute(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(this.dataSource.manager, actor.userId);
  }
}
