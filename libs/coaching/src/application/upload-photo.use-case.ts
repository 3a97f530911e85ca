import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { inspectPhoto } from '../domain/photo.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { PhotoEncoder } from './ports/photo-encoder.js';
import { PhotoStore, type PhotoView } from './ports/photo-store.js';
import { CheckConsent } from './check-consent.use-case.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * The photo on a person's candidate card: uploaded by the referent coach once the person's photo
 * consent is recorded, checked by its bytes (photo.ts), re-encoded so only its pixels remain
 * (PhotoEncoder), stored outside the database; it replaces the previous one. Revoking the consent
 * or erasing the file deletes it.
 */
@Injectable()
export class UploadPhoto {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly consents: CheckConsent,
    private readonly encoder: PhotoEncoder,
    private readonly store: PhotoStore,
  ) {}

  async execute(actor: Actor, id: string, data: Buffer): Promise<PhotoView> {
    const inspection = inspectPhoto(data);
    if (!inspection.ok)
      throw coachingError(inspection.code, inspection.reason, [{ field: 'photo', reason: inspection.reason }]);
    const photo = await this.encoder.encode(data, inspection.contentType);
    if (!photo.ok) throw coachingError(photo.code, photo.reason, [{ field: 'photo', reason: photo.reason }]);
    const key = await this.store.put(photo.data, photo.contentType);
    try {
      const { stored, replaced } = await this.dataSource.transaction(async (manager) => {
        await this.access.openForUpdate(actor, id, 'photo', manager, { photo: 'upload' });
        if (!(await this.consents.execute(id, 'photo', manager)))
          throw coachingError('photo.no_consent', 'the person has not consented to a photo', [
            { field: 'consent', reason: 'photo is not recorded' },
          ]);
        const previous = await this.store.keyOf(manager, id);
        const stored = await this.store.record(
          manager,
          id,
          { key, contentType: photo.contentType, bytes: photo.data.length, width: photo.width, height: photo.height },
          actor.userId,
        );
        return { stored, replaced: previous ? [previous.key] : [] };
      });
      await this.store.remove(replaced);
      return stored;
    } catch (error) {
      await this.store.remove([key]);
      throw error;
    }
  }
}
