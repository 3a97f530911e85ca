import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import { EntrantsPlanner, type EntrantsPlan } from './entrants-import.js';

/**
 * A manager's first step of an import of new entrants: what the file would create, the people it
 * names who already have a file (an audited read: their ids are shown), the lines refused and why.
 * Nothing is written.
 */
@Injectable()
export class PreviewEntrantsImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: EntrantsPlanner,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, bytes: Uint8Array): Promise<EntrantsPlan> {
    const manager = this.dataSource.manager;
    const plan = await this.planner.plan(manager, actor, bytes, parisToday(this.clock.now()));
    const known = plan.duplicates.filter((duplicate) => duplicate.existingId !== null);
    if (known.length > 0)
      await this.audit.record(
        actor,
        'list',
        known.map((duplicate) => ({ type: 'beneficiary', id: duplicate.existingId! })),
        { view: 'entrants_import_duplicates' },
      );
    return plan;
  }
}
