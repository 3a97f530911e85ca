import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import { type Diagnostic, diagnosticProblems } from '../domain/diagnostic.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { DiagnosticStore, type StoredDiagnostic } from './ports/diagnostic-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The referent coach records the diagnostic (written whole; codes checked against the referential). */
@Injectable()
export class SaveDiagnostic {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly diagnostics: DiagnosticStore,
    private readonly referential: ReferentialIndex,
  ) {}

  async execute(actor: Actor, id: string, diagnostic: Diagnostic): Promise<StoredDiagnostic> {
    await this.referential.load();
    const problems = diagnosticProblems(diagnostic, {
      isOccupation: (code) => this.referential.isKnownRomeCode(code),
      isSkill: (code) => this.referential.skill(code) !== null,
    });
    if (problems.length > 0)
      throw coachingError('diagnostic.invalid', 'the diagnostic refers to unknown or inconsistent data', problems);
    return this.dataSource.transaction(async (manager) => {
      await this.access.openForUpdate(actor, id, 'diagnostic', manager);
      await this.diagnostics.save(manager, id, diagnostic, actor.userId);
      return (await this.diagnostics.find(manager, id))!;
    });
  }
}
