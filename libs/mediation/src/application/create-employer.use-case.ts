import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ErrorDetail } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { isValidSiret } from '@passerelle/offers';
import { ReferentialIndex } from '@passerelle/referential';
import type { EmployerSizeBand } from '../domain/employer.js';
import { mediationError } from '../domain/mediation-errors.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerStore, type EmployerView } from './ports/employer-store.js';

export interface NewEmployer {
  readonly siret?: string;
  readonly name: string;
  readonly sector?: string;
  readonly sizeBand?: EmployerSizeBand;
  readonly commune: { readonly inseeCode?: string; readonly postalCode?: string; readonly name?: string };
}

/** A mediator registers an employer in their structure: a valid SIRET (if any), a known commune, once per SIRET. */
@Injectable()
export class CreateEmployer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly referential: ReferentialIndex,
    private readonly employers: EmployerStore,
  ) {}

  async execute(actor: Actor, input: NewEmployer): Promise<EmployerView> {
    await this.access.structures(actor);
    const problems: ErrorDetail[] = [];
    if (input.siret && !isValidSiret(input.siret))
      problems.push({ field: 'siret', reason: 'not a valid SIRET (14 digits, checksum)' });
    await this.referential.load();
    const commune = this.referential.resolveCommune(input.commune);
    if (!commune) problems.push({ field: 'commune', reason: 'no commune matches this code or name' });
    if (problems.length > 0) throw mediationError('employer.invalid', 'the employer is not valid', problems);
    const employer = await this.employers.create(this.dataSource.manager, {
      structureId: actor.structureId,
      siret: input.siret ?? null,
      name: input.name.trim(),
      sector: input.sector ?? null,
      sizeBand: input.sizeBand ?? null,
      commune: commune!,
      createdBy: actor.userId,
    });
    if (!employer)
      throw mediationError('employer.exists', 'this SIRET is already an employer of your structure', [
        { field: 'siret', reason: 'already registered' },
      ]);
    return employer;
  }
}
