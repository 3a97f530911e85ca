import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { SESSION_TRACE_DAYS } from '@passerelle/identity';

/**
 * Drops the address an employer opened a card from, kept in the introduction's history, after the
 * same period as a finished session's address: the view itself (who, when) stays. Run by the daily
 * retention pass; idempotent.
 */
@Injectable()
export class ForgetViewerAddresses {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(now: Date = new Date()): Promise<{ views: number }> {
    const rows = await updateReturning(
      this.dataSource.manager,
      `UPDATE introduction_event SET details = details - 'ip'
       WHERE kind = 'viewed' AND details ? 'ip' AND at < $1::timestamptz - make_interval(days => $2)
       RETURNING id`,
      [now.toISOString(), SESSION_TRACE_DAYS],
    );
    return { views: rows.length };
  }
}
