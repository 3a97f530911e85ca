import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { SESSION_TRACE_DAYS } from '../domain/session-traces.js';

/**
 * Drops the address and browser a refresh token was issued to once its session is over (expired,
 * rotated or revoked) for `SESSION_TRACE_DAYS`: they help recognise a session while it lives and
 * look into an incident soon after, not later. The login itself stays in the audit log. Run by the
 * daily retention pass; idempotent.
 */
@Injectable()
export class ForgetSessionTraces {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(now: Date = new Date()): Promise<{ tokens: number }> {
    const rows = await updateReturning(
      this.dataSource.manager,
      `UPDATE refresh_token SET ip = NULL, user_agent = NULL
       WHERE (ip IS NOT NULL OR user_agent IS NOT NULL)
         AND least(expires_at, coalesce(revoked_at, expires_at)) < $1::timestamptz - make_interval(days => $2)
       RETURNING id`,
      [now.toISOString(), SESSION_TRACE_DAYS],
    );
    return { tokens: rows.length };
  }
}
