import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type BeneficiaryExport, ExportPersonalData } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { readableExport } from '../domain/readable-export.js';
import { type ExportedFollowUp, type ExportedJob, PersonExportStore } from './ports/person-export-store.js';

export type { ExportedFollowUp, ExportedJob } from './ports/person-export-store.js';

/** Everything held on one person: the coaching file and its log, then their jobs and follow-up checkpoints. */
export interface PersonExport extends Omit<BeneficiaryExport, 'format'> {
  readonly format: 'passerelle.beneficiary-export.v2';
  readonly jobs: ExportedJob[];
  readonly followUps: ExportedFollowUp[];
}

/**
 * The person's export (right of access): coaching's export (referent coach only, audited there) completed with the
 * outcomes this context holds — the jobs and the follow-up checkpoints with their answers.
 */
@Injectable()
export class ExportPerson {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly personalData: ExportPersonalData,
    private readonly outcomes: PersonExportStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<PersonExport> {
    const coaching = await this.personalData.execute(actor, id);
    return {
      ...coaching,
      format: 'passerelle.beneficiary-export.v2',
      jobs: await this.outcomes.jobs(this.dataSource.manager, id),
      followUps: await this.outcomes.followUps(this.dataSource.manager, id),
    };
  }

  /** The same export, readable: French labels and dates, the staff by name (plain text). */
  async readable(actor: Actor, id: string): Promise<string> {
    const data = await this.execute(actor, id);
    const ids = [...new Set(data.accessLog.map((entry) => entry.actorUserId))];
    return readableExport({ ...data, staffNames: await this.outcomes.staffNames(this.dataSource.manager, ids) });
  }
}
