import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type IntroductionView, IntroductionStore } from './ports/introduction-store.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';

/** One introduction with its card and trail: a read of the person's data, audited. */
@Injectable()
export class ReadIntroduction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, id: string): Promise<IntroductionView> {
    const row = await this.access.open(this.dataSource.manager, actor, id);
    await this.accessLog.record(this.dataSource.manager, actor, 'read', [row.beneficiary_id], {
      part: 'introduction',
      introductionId: id,
    });
    return this.introductions.view(this.dataSource.manager, id);
  }
}
