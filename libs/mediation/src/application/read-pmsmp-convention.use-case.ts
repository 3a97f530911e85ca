import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { type PmsmpConventionView, PmsmpConventionViews } from './pmsmp-convention-view.js';

/** An introduction's PMSMP convention, saved or to start: a read of the person's data, audited. */
@Injectable()
export class ReadPmsmpConvention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly views: PmsmpConventionViews,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, introductionId: string): Promise<PmsmpConventionView> {
    const manager = this.dataSource.manager;
    const row = await this.access.open(manager, actor, introductionId);
    await this.accessLog.record(manager, actor, 'read', [row.beneficiary_id], { part: 'pmsmp', introductionId });
    return this.views.of(manager, introductionId);
  }
}
