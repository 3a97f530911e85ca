import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { NotificationStore } from './ports/notification-store.js';

/** Marks one of the actor's own notifications read; false when they have no such notification. */
@Injectable()
export class MarkNotificationRead {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationStore,
  ) {}

  execute(actor: Actor, id: string): Promise<boolean> {
    return this.notifications.markRead(this.dataSource.manager, actor.userId, id);
  }
}
