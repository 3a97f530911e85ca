import type { EntityManager } from 'typeorm';
import type { FeedEvent } from '../../domain/ics.js';

/** The coaches' ICS subscriptions (`calendar_feed`): one live token hash per coach. */
export abstract class CalendarFeedStore {
  /** Revokes the coach's live feed, if any, and records a new one. */
  abstract replace(manager: EntityManager, coachUserId: string, tokenHash: string): Promise<void>;

  /** Revokes the coach's live feed; false when there was none. */
  abstract revoke(manager: EntityManager, coachUserId: string): Promise<boolean>;

  /** The coach a live feed belongs to, or null. */
  abstract coachOf(manager: EntityManager, tokenHash: string): Promise<string | null>;

  /** Whether the coach has a live feed. */
  abstract isLive(manager: EntityManager, coachUserId: string): Promise<boolean>;

  /** The coach's appointments starting in [from, to), with their people's names and structures. */
  abstract events(
    manager: EntityManager,
    coachUserId: string,
    from: Date,
    to: Date,
  ): Promise<Array<FeedEvent & { readonly subjects: ReadonlyArray<{ id: string; structureId: string }> }>>;
}
