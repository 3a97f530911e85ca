import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, RuntimeSettings } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { type CerOutcomeInput, cerOutcomeProblems, renewalOf, withTerm } from '../domain/cer.js';
import { parisToday, statusAfterOutcome } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { type CerView, CerStore } from './ports/cer-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** A CER ends: renewed (the next one opens), exit (job, training, other) or reorientation, which ends the coaching. */
@Injectable()
export class RecordCerOutcome {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly cers: CerStore,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, cerId: string, input: CerOutcomeInput): Promise<CerView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.open(actor, 'beneficiaries.write', id, { action: 'update', details: { part: 'cer' } }, manager);
      const cer = await this.cers.lock(manager, id, cerId);
      if (!cer) throw coachingError('cer.not_found', 'no such CER on this file');
      const problems = cerOutcomeProblems(cer, input, parisToday(this.clock.now()));
      if (problems.length > 0) throw coachingError('cer.invalid_outcome', 'this outcome cannot be recorded', problems);
      await this.cers.recordOutcome(manager, cerId, input.outcome, input.on);
      if (input.outcome === 'renewed') {
        const next = renewalOf(cer, input);
        const months = next.durationMonths ?? (await this.settings.number('coaching.cer_default_months', manager));
        await this.cers.insert(manager, id, withTerm(next, months), actor.userId);
      } else {
        const next = statusAfterOutcome(input.outcome);
        await this.beneficiaries.end(manager, id, {
          status: next.status,
          exitReason: next.status === 'ended' ? (input.exitReason ?? next.exitReason) : null,
          reorientedTo: input.reorientedTo ?? null,
          on: input.on,
        });
      }
      return this.cers.list(manager, id);
    });
  }
}
