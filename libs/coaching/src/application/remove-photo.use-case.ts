import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { PhotoStore } from './ports/photo-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The coach deletes the person's photo: its row in the transaction, its file once committed. */
@Injectable()
export class RemovePhoto {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly store: PhotoStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<void> {
    const keys = await this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'photo', manager, { photo: 'delete' });
      return this.store.forget(manager, id);
    });
    if (keys.length === 0) throw coachingError('photo.not_found', 'this person has no photo');
    await this.store.remove(keys);
  }
}
