import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { SessionTraceStore } from '../application/ports/session-trace-store.js';

/** The address and browser kept on refresh tokens (`refresh_token`). */
@Injectable()
export class SqlSessionTraceStore extends SessionTraceStore {
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
