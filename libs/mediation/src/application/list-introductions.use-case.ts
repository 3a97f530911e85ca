import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { IntroductionStatus } from '../domain/introduction.js';
import { type IntroductionSummary, IntroductionStore } from './ports/introduction-store.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';

/**
 * The introductions a user follows: for staff those of their structures, for a coach those of
 * their own people. The person is named by the card's first name only (or not at all before it).
 * Audited: one row per person listed.
 */
@Injectable()
export class ListIntroductions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(
    actor: Actor,
    filter: { status?: IntroductionStatus; offerId?: string } = {},
  ): Promise<IntroductionSummary[]> {
    const structures = await this.access.staffStructures(actor);
    const items = await this.introductions.list(this.dataSource.manager, structures, actor.userId, filter);
    await this.accessLog.record(
      this.dataSource.manager,
      actor,
      'list',
      items.map((item) => item.beneficiaryId),
      { part: 'introductions', status: filter.status ?? null, offerId: filter.offerId ?? null },
    );
    return items;
  }
}
