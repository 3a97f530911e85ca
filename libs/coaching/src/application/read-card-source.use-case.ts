import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, AuditLog } from '@passerelle/identity';
import type { Diagnostic } from '../domain/diagnostic.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { DiagnosticStore } from './ports/diagnostic-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * What a candidate card is built from, and nothing else of the file (no barriers, CER, journal,
 * contact details or status): the first name and the diagnostic. For a staff member the mediation
 * context lets in through an introduction they follow (a mediator records the person's
 * acceptance): the caller has checked that, this records the read in the audit log.
 */
@Injectable()
export class ReadCardSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly diagnostics: DiagnosticStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    details: Record<string, unknown>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ firstName: string | null; diagnostic: Diagnostic | null }> {
    const person = await this.beneficiaries.cardIdentity(manager, id);
    if (!person) throw coachingError('beneficiary.not_found', 'no beneficiary with this id');
    await this.audit.record(
      actor,
      'read',
      [{ type: 'beneficiary', id: person.id, structureId: person.structureId }],
      { part: 'card', ...details },
      manager,
    );
    return { firstName: person.firstName, diagnostic: await this.diagnostics.find(manager, person.id) };
  }
}
