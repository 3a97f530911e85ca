import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { ConsentPurpose } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type ConsentView, ConsentStore } from './ports/consent-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** Records the person's consent, before a profile or a photo leaves the service. */
@Injectable()
export class GrantConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly consents: ConsentStore,
  ) {}

  async execute(actor: Actor, id: string, purpose: ConsentPurpose): Promise<ConsentView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'consent', manager, { consent: purpose, granted: true });
      if (!(await this.consents.grant(manager, id, purpose, actor.userId)))
        throw coachingError('consent.already_granted', 'this consent is already recorded', [
          { field: 'purpose', reason: 'already granted' },
        ]);
      return this.consents.list(manager, id);
    });
  }
}
