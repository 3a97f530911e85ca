import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type BarrierInput, barrierProblems } from '../domain/barrier.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BarrierView, BarrierStore } from './ports/barrier-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The referent coach changes a barrier: its status, description, actions or health note (null removes it). */
@Injectable()
export class UpdateBarrier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly barriers: BarrierStore,
  ) {}

  async execute(actor: Actor, id: string, barrierId: string, changes: Partial<BarrierInput>): Promise<BarrierView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'barrier', manager);
      const kind = await this.barriers.kindOf(manager, id, barrierId);
      if (!kind) throw coachingError('barrier.not_found', 'no such barrier on this file');
      const refusal = barrierProblems(kind, changes);
      if (refusal) throw coachingError(refusal.code, refusal.message, refusal.details);
      await this.barriers.update(manager, id, barrierId, changes);
      if (kind === 'health' && changes.healthNote !== undefined) {
        if (changes.healthNote === null) await this.barriers.deleteHealthNote(manager, barrierId);
        else await this.barriers.writeHealthNote(manager, id, barrierId, changes.healthNote, actor.userId);
      }
      return this.barriers.one(manager, id, barrierId, BeneficiaryAccess.isReferent(actor, row));
    });
  }
}
