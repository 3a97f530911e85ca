import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type NewNotification,
  NotificationStore,
  type NotificationView,
} from '../application/ports/notification-store.js';

interface StoredNotification extends NotificationView {
  readonly userId: string;
}

/** The inbox in memory: one notification per kind, subject and user. */
export class InMemoryNotificationStore extends NotificationStore {
  notifications: StoredNotification[] = [];

  override list(_manager: EntityManager, userId: string, unreadOnly: boolean): Promise<NotificationView[]> {
    return Promise.resolve(
      this.notifications
        .filter((notification) => notification.userId === userId && (!unreadOnly || notification.readAt === null))
        .reverse()
        .slice(0, 200)
        .map(({ userId: _userId, ...view }) => view),
    );
  }

  override unreadCount(_manager: EntityManager, userId: string): Promise<number> {
    return Promise.resolve(
      this.notifications.filter((notification) => notification.userId === userId && notification.readAt === null)
        .length,
    );
  }

  override markRead(_manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const index = this.notifications.findIndex(
      (notification) => notification.id === id && notification.userId === userId,
    );
    if (index < 0) return Promise.resolve(false);
    const found = this.notifications[index];
    this.notifications[index] = { ...found, readAt: found.readAt ?? new Date() };
    return Promise.resolve(true);
  }

  override record(_manager: EntityManager, notification: NewNotification, mode: 'once' | 'refresh'): Promise<string[]> {
    const index = this.notifications.findIndex(
      (stored) =>
        stored.kind === notification.kind &&
        stored.subjectId === notification.subjectId &&
        stored.userId === notification.userId,
    );
    const fresh: StoredNotification = {
      id: index < 0 ? randomUUID() : this.notifications[index].id,
      userId: notification.userId,
      kind: notification.kind,
      subjectType: notification.subjectType,
      subjectId: notification.subjectId,
      message: notification.message,
      dueOn: notification.dueOn ?? null,
      createdAt: new Date(),
      readAt: null,
    };
    if (index < 0) this.notifications.push(fresh);
    else if (mode === 'refresh') this.notifications[index] = fresh;
    else return Promise.resolve([]);
    return Promise.resolve([notification.userId]);
  }

  override withdrawRetentionNotices(_manager: EntityManager, keptFor: readonly string[]): Promise<void> {
    this.notifications = this.notifications.filter(
      (notification) =>
        !(
          notification.kind === 'retention_notice' &&
          notification.subjectType === 'beneficiary' &&
          !keptFor.includes(notification.subjectId)
        ),
    );
    return Promise.resolve();
  }

  override withdrawKind(
    _manager: EntityManager,
    kind: string,
    which: { readonly about: readonly string[] } | { readonly keptFor: readonly string[] },
  ): Promise<void> {
    const ids = 'about' in which ? which.about : which.keptFor;
    this.notifications = this.notifications.filter(
      (notification) =>
        !(
          notification.kind === kind &&
          notification.subjectType === 'beneficiary' &&
          ids.includes(notification.subjectId) === 'about' in which
        ),
    );
    return Promise.resolve();
  }

  override withdrawAbout(
    _manager: EntityManager,
    subjects: ReadonlyArray<{ subjectType: string; subjectId: string }>,
  ): Promise<void> {
    this.notifications = this.notifications.filter(
      (notification) =>
        !subjects.some(
          (subject) => subject.subjectType === notification.subjectType && subject.subjectId === notification.subjectId,
        ),
    );
    return Promise.resolve();
  }

  override aboutPerson(
    _manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ kind: string; message: string; createdAt: Date }>> {
    return Promise.resolve(
      this.notifications
        .filter(
          (notification) => notification.subjectType === 'beneficiary' && notification.subjectId === beneficiaryId,
        )
        .map((notification) => ({
          kind: notification.kind,
          message: notification.message,
          createdAt: notification.createdAt,
        })),
    );
  }
}
