import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { inspectPhoto, type PhotoType } from '../domain/photo.js';
import { BeneficiaryAccess } from '../infrastructure/beneficiary-access.js';
import { PhotoEncoder } from '../infrastructure/photo-encoder.js';
import { PhotoStore, type PhotoView } from '../infrastructure/photo-store.js';
import { CheckConsent } from './check-consent.use-case.js';

export type { PhotoView } from '../infrastructure/photo-store.js';

export interface Photo {
  readonly contentType: PhotoType;
  readonly data: Buffer;
}

/** An upload writes its file, then its row, within moments; a file older than this with no row is an orphan. */
export const ORPHAN_GRACE_MS = 15 * 60_000;

/**
 * The photo on a person's candidate card: uploaded by the referent coach once the person's photo
 * consent is recorded, checked by its bytes (photo.ts), re-encoded so only its pixels remain
 * (PhotoEncoder), stored outside the database. Revoking the consent or erasing the file deletes it.
 */
@Injectable()
export class ManagePhoto {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly consents: CheckConsent,
    private readonly encoder: PhotoEncoder,
    private readonly store: PhotoStore,
  ) {}

  async upload(actor: Actor, id: string, data: Buffer): Promise<PhotoView> {
    const inspection = inspectPhoto(data);
    if (!inspection.ok)
      throw new DomainError(
        inspection.code === 'photo.too_large' ? 'too_large' : 'invalid',
        inspection.code,
        inspection.reason,
        [{ field: 'photo', reason: inspection.reason }],
      );
    const photo = await this.encoder.encode(data, inspection.contentType);
    if (!photo.ok)
      throw new DomainError('invalid', photo.code, photo.reason, [{ field: 'photo', reason: photo.reason }]);
    const key = await this.store.put(photo.data, photo.contentType);
    try {
      const { stored, replaced } = await this.dataSource.transaction(async (manager) => {
        await this.access.openForUpdate(actor, id, 'photo', manager, { photo: 'upload' });
        if (!(await this.consents.execute(id, 'photo', manager)))
          throw new DomainError('invalid', 'photo.no_consent', 'the person has not consented to a photo', [
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

  async get(actor: Actor, id: string): Promise<Photo> {
    await this.access.open(actor, 'beneficiaries.read', id, { action: 'read', details: { part: 'photo' } });
    const photo = await this.stored(id);
    if (!photo) throw new DomainError('not_found', 'photo.not_found', 'this person has no photo');
    return photo;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const keys = await this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'photo', manager, { photo: 'delete' });
      return this.store.forget(manager, id);
    });
    if (keys.length === 0) throw new DomainError('not_found', 'photo.not_found', 'this person has no photo');
    await this.store.remove(keys);
  }

  /**
   * Removes the photo files no row names any more: a process that died between a commit and the
   * file's removal (erasure, revocation, replacement) or in the middle of an upload leaves them.
   * Files younger than the grace period are left alone: an upload writes its file before the row.
   */
  async sweepOrphans(now: Date = new Date()): Promise<{ removed: number }> {
    const files = await this.store.filesOlderThan(new Date(now.getTime() - ORPHAN_GRACE_MS));
    if (files.length === 0) return { removed: 0 };
    const named = await this.store.named(
      this.dataSource.manager,
      files.map((file) => file.key),
    );
    const orphans = files.filter((file) => file.partial || !named.has(file.key));
    await this.store.removeNamed(orphans.map((file) => file.name));
    return { removed: orphans.length };
  }

  /**
   * The stored photo, for a caller that has already checked who may see it (the card link checks the
   * link, the consent to share and the photo consent): no second consent read.
   */
  async stored(id: string): Promise<Photo | null> {
    const photo = await this.store.keyOf(this.dataSource.manager, id);
    return photo ? { contentType: photo.contentType, data: await this.store.get(photo.key) } : null;
  }
}
