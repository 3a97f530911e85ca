import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type BarrierInput, barrierProblems } from '../domain/barrier.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BarrierView, BarrierStore } from './ports/barrier-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The referent coach records a barrier (a health barrier's details go to its note, kept apart). */
@Injectable()
export class AddBarrier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly barriers: BarrierStore,
  ) {}

  async execute(actor: Actor, id: string, input: BarrierInput): Promise<BarrierView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'barrier', manager);
      const refusal = barrierProblems(input.kind, input);
      if (refusal) throw coachingError(refusal.code, refusal.message, refusal.details);
      const barrierId = await this.barriers.insert(manager, id, input);
      if (input.kind === 'health' && input.healthNote)
        await this.barriers.addHealthNote(manager, id, barrierId, input.healthNote, actor.userId);
      return this.barriers.one(manager, id, barrierId, BeneficiaryAccess.isReferent(actor, row));
    });
  }
}
