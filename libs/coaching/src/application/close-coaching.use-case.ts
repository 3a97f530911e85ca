import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { type Closure, cerOutcomeOfClosure, closureProblems } from '../domain/beneficiary.js';
import { parisToday } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BeneficiarySummary, BeneficiaryStore, toSummary } from './ports/beneficiary-store.js';
import { CerStore } from './ports/cer-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** Ends the coaching without a CER outcome (never signed, moved away, reoriented before...); a running CER closes with it. */
@Injectable()
export class CloseCoaching {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly cers: CerStore,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, input: Closure): Promise<BeneficiarySummary> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(actor, 'beneficiaries.write', id, { action: 'update' }, manager);
      const problems = closureProblems(
        { status: row.status, orientationDate: row.orientation_date },
        input,
        parisToday(this.clock.now()),
      );
      if (problems.length > 0)
        throw coachingError('beneficiary.cannot_close', 'the coaching cannot be closed so', problems);
      await this.cers.closeRunning(manager, id, cerOutcomeOfClosure(input), input.on);
      const updated = await this.beneficiaries.end(manager, id, {
        status: input.status,
        exitReason: input.status === 'ended' ? (input.exitReason ?? null) : null,
        reorientedTo: input.reorientedTo ?? null,
        on: input.on,
      });
      return toSummary(updated);
    });
  }
}
