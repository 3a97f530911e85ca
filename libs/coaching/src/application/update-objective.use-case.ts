import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import type { ObjectiveInput } from '../domain/objective.js';
import { ObjectiveCheck } from './objective-links.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { ObjectiveStore, type ObjectiveView } from './ports/objective-store.js';

/** Changes an objective: what is given replaces what was (the steps as a whole list). */
@Injectable()
export class UpdateObjective {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly objectives: ObjectiveStore,
    private readonly checking: ObjectiveCheck,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    objectiveId: string,
    changes: Partial<ObjectiveInput>,
  ): Promise<ObjectiveView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'objective', manager, { objectiveId });
      const current = await this.objectives.one(manager, id, objectiveId);
      if (!current) throw coachingError('objective.not_found', 'no such objective for this person');
      const next: ObjectiveInput = {
        title: changes.title ?? current.title,
        status: changes.status ?? current.status,
        dueOn: changes.dueOn !== undefined ? changes.dueOn : current.dueOn,
        barrierId: changes.barrierId !== undefined ? changes.barrierId : current.barrierId,
        cerId: changes.cerId !== undefined ? changes.cerId : current.cerId,
        commitment: changes.commitment !== undefined ? changes.commitment : current.commitment,
        steps: changes.steps ?? current.steps,
      };
      await this.checking.check(manager, id, next);
      await this.objectives.update(manager, id, objectiveId, next);
      return (await this.objectives.one(manager, id, objectiveId))!;
    });
  }
}
