import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { Anonymisation } from './anonymisation.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { PhotoStore } from './ports/photo-store.js';

/** Erases a person's file on request (right to erasure): see Anonymisation for what goes and what stays. */
@Injectable()
export class ErasePersonalData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly anonymisation: Anonymisation,
    private readonly photos: PhotoStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<{ id: string; erasedAt: string }> {
    const photos = await this.dataSource.transaction(async (manager) => {
      await this.access.open(
        actor,
        'beneficiaries.erase',
        id,
        { action: 'delete', details: { erasure: 'request' } },
        manager,
      );
      return this.anonymisation.anonymise(manager, id, 'request');
    });
    await this.photos.remove(photos);
    return { id, erasedAt: new Date().toISOString() };
  }
}
