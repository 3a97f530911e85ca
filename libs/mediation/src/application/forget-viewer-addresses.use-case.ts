import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SESSION_TRACE_DAYS } from '@passerelle/identity';
import { IntroductionStore } from './ports/introduction-store.js';

/**
 * Drops the address an employer opened a card from, kept in the introduction's history, after the
 * same period as a finished session's address: the view itself (who, when) stays. Run by the daily
 * retention pass; idempotent.
 */
@Injectable()
export class ForgetViewerAddresses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly introductions: IntroductionStore,
  ) {}

  async execute(now: Date = new Date()): Promise<{ views: number }> {
    return {
      views: await this.introductions.forgetViewerAddresses(this.dataSource.manager, now, SESSION_TRACE_DAYS),
    };
  }
}
