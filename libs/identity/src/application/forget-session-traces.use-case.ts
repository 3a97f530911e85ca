import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SESSION_TRACE_DAYS } from '../domain/session-traces.js';
import { SessionTraceStore } from './ports/session-trace-store.js';

/**
 * Drops the address and browser a refresh token was issued to once its session is over (expired,
 * rotated or revoked) for `SESSION_TRACE_DAYS`: they help recognise a session while it lives and
 * look into an incident soon after, not later. The login itself stays in the audit log. Run by the
 * daily retention pass; idempotent.
 */
@Injectable()
export class ForgetSessionTraces {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly traces: SessionTraceStore,
  ) {}

  async execute(now: Date = new Date()): Promise<{ tokens: number }> {
    return { tokens: await this.traces.forgetOlderThan(this.dataSource.manager, now, SESSION_TRACE_DAYS) };
  }
}
