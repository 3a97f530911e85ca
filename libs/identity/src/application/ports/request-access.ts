import type { EntityManager } from 'typeorm';
import type { UserAccess } from './user-store.js';

/** What each authenticated request re-reads: its user's access and whether its session is still live. */
export interface RequestAccessReading {
  /** Null when the user does not exist (any more). */
  readonly user: UserAccess | null;
  /** Whether the session (refresh-token family) of this user still has a live token at `now`. */
  readonly sessionAlive: boolean;
}

/**
 * The per-request re-check of the user and the session, read together: every authenticated request
 * pays it, so the two are one read.
 */
export abstract class RequestAccess {
  abstract read(manager: EntityManager, userId: string, familyId: string, now: Date): Promise<RequestAccessReading>;
}
