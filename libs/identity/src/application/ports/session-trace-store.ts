import type { EntityManager } from 'typeorm';

/** The address and browser kept on refresh tokens. */
export abstract class SessionTraceStore {
  /** Forgets them on sessions over (expired, rotated or revoked) for more than `days` before `now`; returns how many. */
  abstract forgetOlderThan(manager: EntityManager, now: Date, days: number): Promise<number>;
}
