import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { ObjectiveInput } from '../domain/objective.js';
import { ObjectiveCheck } from './objective-links.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { ObjectiveStore, type ObjectiveView } from './ports/objective-store.js';

/** The referent coach adds an objective to the person's action plan (audited as a change of the file). */
@Injectable()
export class AddObjective {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly objectives: ObjectiveStore,
    private readonly checking: ObjectiveCheck,
  ) {}

  async execute(actor: Actor, id: string, input: ObjectiveInput): Promise<ObjectiveView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'objective', manager);
      await this.checking.check(manager, id, input);
      const objectiveId = await this.objectives.insert(manager, id, input, actor.userId);
      return (await this.objectives.one(manager, id, objectiveId))!;
    });
  }
}
