import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { mediationError } from '../domain/mediation-errors.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { PmsmpConventionStore } from './ports/pmsmp-convention-store.js';
import { pmsmpConventionPdf } from './pmsmp-convention-document.js';

/** The saved convention as a PDF for its three parties; each download is audited as an export. */
@Injectable()
export class PrintPmsmpConvention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly conventions: PmsmpConventionStore,
    private readonly accessLog: PeopleAccessLog,
  ) {}

  async execute(actor: Actor, introductionId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const manager = this.dataSource.manager;
    const row = await this.access.open(manager, actor, introductionId);
    const stored = await this.conventions.find(manager, introductionId);
    if (!stored) throw mediationError('pmsmp.not_saved', 'no convention to print yet');
    const parties = await this.conventions.parties(manager, introductionId);
    await this.accessLog.record(manager, actor, 'export', [row.beneficiary_id], { part: 'pmsmp', introductionId });
    const pdf = await pmsmpConventionPdf({ terms: stored.terms, parties, signatures: stored.signatures });
    return { fileName: `convention-pmsmp-${stored.terms.startDate}.pdf`, pdf };
  }
}
