import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type BeneficiaryExport, ExportPersonalData } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import {
  type ExportedEmployerAnswer,
  type ExportedEmployerExchange,
  ExportEmployerAnswers,
} from '@passerelle/mediation';
import { readableExport } from '../domain/readable-export.js';
import {
  type ExportedEmployerFollowUpAnswer,
  type ExportedFollowUp,
  type ExportedJob,
  PersonExportStore,
} from './ports/person-export-store.js';

export type { ExportedEmployerFollowUpAnswer, ExportedFollowUp, ExportedJob } from './ports/person-export-store.js';

/**
 * Everything held on one person: the coaching file and its log, their jobs and follow-up checkpoints,
 * and what employers said about them (answers to cards and shortlists, questions and the replies sent,
 * answers to follow-up forms).
 */
export interface PersonExport extends Omit<BeneficiaryExport, 'format'> {
  readonly format: 'passerelle.beneficiary-export.v2';
  readonly jobs: ExportedJob[];
  readonly followUps: ExportedFollowUp[];
  readonly employerAnswers: ExportedEmployerAnswer[];
  readonly employerExchanges: ExportedEmployerExchange[];
  readonly employerFollowUpAnswers: ExportedEmployerFollowUpAnswer[];
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
    private readonly employers: ExportEmployerAnswers,
  ) {}

  async execute(actor: Actor, id: string): Promise<PersonExport> {
    // Coaching's export checks first that the actor is the person's referent (and audits it).
    const coaching = await this.personalData.execute(actor, id);
    const employers = await this.employers.execute(id);
    return {
      ...coaching,
      format: 'passerelle.beneficiary-export.v2',
      jobs: await this.outcomes.jobs(this.dataSource.manager, id),
      followUps: await this.outcomes.followUps(this.dataSource.manager, id),
      employerAnswers: employers.answers,
      employerExchanges: employers.exchanges,
      employerFollowUpAnswers: await this.outcomes.employerFollowUpAnswers(this.dataSource.manager, id),
    };
  }

  /** The same export, readable: French labels and dates, the staff by name (plain text). */
  async readable(actor: Actor, id: string): Promise<string> {
    const data = await this.execute(actor, id);
    const ids = [...new Set(data.accessLog.map((entry) => entry.actorUserId))];
    return readableExport({ ...data, staffNames: await this.outcomes.staffNames(this.dataSource.manager, ids) });
  }
}
