import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConsentPurpose } from '../domain/coaching.js';
import { ConsentStore } from './ports/consent-store.js';

/**
 * Is the consent in force now? Asked before a card or a photo leaves the service (mediation asks
 * too). It reads the table every time, so a revocation stops everything at once.
 */
@Injectable()
export class CheckConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentStore,
  ) {}

  execute(
    beneficiaryId: string,
    purpose: ConsentPurpose,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return this.consents.isGranted(manager, beneficiaryId, purpose);
  }
}
