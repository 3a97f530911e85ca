import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type BeneficiaryFile, BeneficiaryFiles } from './beneficiary-file.js';

/** The person's whole file, as the coach (or a manager, without health notes) opens it. Audited. */
@Injectable()
export class ReadBeneficiaryFile {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly files: BeneficiaryFiles,
  ) {}

  async execute(actor: Actor, id: string): Promise<BeneficiaryFile> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'read' });
    return this.files.file(this.dataSource.manager, row, BeneficiaryAccess.isReferent(actor, row));
  }
}
