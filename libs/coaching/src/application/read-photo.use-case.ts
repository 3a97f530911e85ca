import { Injectable } from '@nestjs/common';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type Photo, ReadStoredPhoto } from './read-stored-photo.use-case.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The person's photo, as a reader of the file sees it (audited). */
@Injectable()
export class ReadPhoto {
  constructor(
    private readonly access: BeneficiaryAccess,
    private readonly stored: ReadStoredPhoto,
  ) {}

  async execute(actor: Actor, id: string): Promise<Photo> {
    await this.access.open(actor, 'beneficiaries.read', id, { action: 'read', details: { part: 'photo' } });
    const photo = await this.stored.execute(id);
    if (!photo) throw coachingError('photo.not_found', 'this person has no photo');
    return photo;
  }
}
