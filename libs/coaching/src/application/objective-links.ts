import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { parisToday } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { type ObjectiveInput, objectiveProblems } from '../domain/objective.js';
import { BarrierStore } from './ports/barrier-store.js';
import { CerStore } from './ports/cer-store.js';

/** Checks an objective against the person's barriers and CERs (422 naming the fields). */
@Injectable()
export class ObjectiveCheck {
  constructor(
    private readonly barriers: BarrierStore,
    private readonly cers: CerStore,
    private readonly clock: Clock,
  ) {}

  async check(manager: EntityManager, beneficiaryId: string, input: ObjectiveInput): Promise<void> {
    const links = {
      barrierIds: (await this.barriers.list(manager, beneficiaryId, false)).map((barrier) => barrier.id),
      cers: await this.cers.list(manager, beneficiaryId),
    };
    const problems = objectiveProblems(input, links, parisToday(this.clock.now()));
    if (problems.length > 0) throw coachingError('objective.invalid', 'this objective is inconsistent', problems);
  }
}
