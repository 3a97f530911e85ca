import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BeneficiaryAccess } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { PlacementStore, type PlacementView } from './ports/placement-store.js';

/** A person's jobs with their checkpoints, for whoever reads the person's file (audited there). */
@Injectable()
export class ListPlacements {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly placements: PlacementStore,
  ) {}

  async execute(actor: Actor, beneficiaryId: string): Promise<PlacementView[]> {
    await this.access.open(actor, 'beneficiaries.read', beneficiaryId, {
      action: 'read',
      details: { part: 'placements' },
    });
    return this.placements.ofPerson(this.dataSource.manager, beneficiaryId);
  }
}
