import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import { type BeneficiaryChanges, identityDateProblems, unpairedCvDeposit } from '../domain/beneficiary.js';
import { parisToday } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BeneficiarySummary, BeneficiaryStore, toSummary } from './ports/beneficiary-store.js';
import { homeCommune } from './home-commune.js';
import { coachingError } from '../domain/coaching-errors.js';

/** Changes the person's identity, home commune or CV deposit (a field left out stays; null clears it). */
@Injectable()
export class UpdateBeneficiary {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly referential: ReferentialIndex,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, changes: BeneficiaryChanges): Promise<BeneficiarySummary> {
    const commune = changes.commune ? await homeCommune(this.referential, changes.commune) : null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.write', id, { action: 'update' }, manager);
      const birthDate = changes.birthDate === undefined ? row.birth_date : changes.birthDate;
      const problems = identityDateProblems(birthDate, row.orientation_date, parisToday(this.clock.now()));
      if (problems.length > 0) throw coachingError('beneficiary.invalid', 'dates out of order', problems);
      if (changes.cvDepositedOn && changes.cvDepositedOn > parisToday(this.clock.now()))
        throw coachingError('beneficiary.invalid', 'the CV deposit date is in the future', [
          { field: 'cvDepositedOn', reason: 'must not be in the future' },
        ]);
      const set = (value: string | null | undefined, current: string | null): string | null =>
        value === undefined ? current : value === null ? null : value.trim();
      const cvPlatform = set(changes.cvPlatform, row.cv_platform);
      const cvDepositedOn = changes.cvDepositedOn === undefined ? row.cv_deposited_on : changes.cvDepositedOn;
      const unpaired = unpairedCvDeposit(cvPlatform, cvDepositedOn);
      if (unpaired)
        throw coachingError('beneficiary.invalid', 'a CV deposit needs its platform and its date', [
          { field: unpaired, reason: 'give both or neither' },
        ]);
      const updated = await this.beneficiaries.updateIdentity(
        manager,
        id,
        {
          firstName: set(changes.firstName, row.first_name),
          lastName: set(changes.lastName, row.last_name),
          birthDate,
          email: changes.email === undefined ? row.email : (changes.email?.trim().toLowerCase() ?? null),
          phone: set(changes.phone, row.phone),
          address: set(changes.address, row.address),
          commune,
        },
        { platform: cvPlatform, depositedOn: cvDepositedOn },
        row,
      );
      return toSummary(updated);
    });
  }
}
