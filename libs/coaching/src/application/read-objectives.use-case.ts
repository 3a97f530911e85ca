import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { ObjectiveStore, type ObjectiveView } from './ports/objective-store.js';

/** The person's action plan, for whoever may read the file (audited; outside the scope: 404). */
@Injectable()
export class ReadObjectives {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly objectives: ObjectiveStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<ObjectiveView[]> {
    await this.access.open(actor, 'beneficiaries.read', id, { action: 'read', details: { part: 'objectives' } });
    return this.objectives.list(this.dataSource.manager, id);
  }
}
