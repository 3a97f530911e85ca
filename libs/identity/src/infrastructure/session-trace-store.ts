import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';

/** The address and browser kept on refresh tokens (`refresh_token`). */
@Injectable()
export class SessionTraceStore {
  /** Forgets them on sessions over (expired, rotated or revoked) for more than `days` before `now`; returns how many. */
  async forgetOlderThan(manager: EntityManager, now: Date, days: number): Promise<number> {
    const rows = await updateReturning(
      manager,
      `UPDATE refresh_token SET ip = NULL, user_agent = NULL
       WHERE (ip IS NOT NULL OR user_agent IS NOT NULL)
         AND least(expires_at, coalesce(revoked_at, expires_at)) < $1::timestamptz - make_interval(days => $2)
       RETURNING id`,
      [now.toISOString(), days],
    );
    return rows.length;
  }
}
