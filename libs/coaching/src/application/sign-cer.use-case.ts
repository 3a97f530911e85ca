import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, RuntimeSettings } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { cerSigningProblems, type NewCer, withTerm } from '../domain/cer.js';
import { parisToday } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { type CerView, CerStore } from './ports/cer-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The CER (contrat d'engagements réciproques) is signed: one runs at a time, and the person is then in coaching. */
@Injectable()
export class SignCer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly cers: CerStore,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, input: NewCer): Promise<CerView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'cer', manager);
      const problems = cerSigningProblems(
        { status: row.status, orientationDate: row.orientation_date },
        input,
        parisToday(this.clock.now()),
      );
      if (problems.length > 0) throw coachingError('cer.invalid', 'dates out of order', problems);
      const running = await this.cers.running(manager, id);
      if (running)
        throw coachingError('cer.already_open', 'a CER is already running: record its outcome first', [
          { field: 'cer', reason: `CER ${running} is open` },
        ]);
      const months = input.durationMonths ?? (await this.settings.number('coaching.cer_default_months', manager));
      const cer = await this.cers.insert(manager, id, withTerm(input, months), actor.userId);
      await this.beneficiaries.startCoaching(manager, id);
      return cer;
    });
  }
}
