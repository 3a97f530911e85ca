import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { ConsentPurpose } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type ConsentView, ConsentStore } from './ports/consent-store.js';
import { PhotoStore } from './ports/photo-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * Revokes a consent; it takes effect at once everywhere, since nothing caches consents. Revoking the
 * photo consent deletes the photo: the person no longer wants it used.
 */
@Injectable()
export class RevokeConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly consents: ConsentStore,
    private readonly photos: PhotoStore,
  ) {}

  async execute(actor: Actor, id: string, purpose: ConsentPurpose): Promise<ConsentView[]> {
    const removed: string[] = [];
    const consents = await this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'consent', manager, { consent: purpose, granted: false });
      if (!(await this.consents.revoke(manager, id, purpose, actor.userId)))
        throw coachingError('consent.not_found', 'no current consent for this purpose');
      if (purpose === 'photo') removed.push(...(await this.photos.forget(manager, id)));
      return this.consents.list(manager, id);
    });
    await this.photos.remove(removed);
    return consents;
  }
}
