import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { PeopleAccessLog } from './ports/people-access-log.js';
import type { ShortlistDetail } from './ports/shortlist-store.js';
import { ShortlistAccess } from './shortlist-access.js';

/** A shortlist with each person's card, the employer's answers and the questions; the read is audited. */
@Injectable()
export class ReadShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ShortlistAccess,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, id: string): Promise<ShortlistDetail> {
    const detail = await this.access.open(this.dataSource.manager, actor, id);
    await this.accessLog.record(
      this.dataSource.manager,
      actor,
      'read',
      detail.entries.map((entry) => entry.beneficiaryId),
      { part: 'shortlist', shortlistId: id },
    );
    return detail;
  }
}
