import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, DomainError } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import { BeneficiaryAccess, type BeneficiaryRow } from './ports/beneficiary-access.js';
import { type BeneficiaryFile, BeneficiaryFiles, onlySharedParts } from './beneficiary-file.js';

/**
 * The person's whole file, as the coach (or a manager, without health notes) opens it; or, for a
 * professional a share in force was given to, the parts it shares (the health note only when the
 * person agreed). Audited, a shared access as such.
 */
@Injectable()
export class ReadBeneficiaryFile {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly files: BeneficiaryFiles,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string): Promise<BeneficiaryFile> {
    const manager = this.dataSource.manager;
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'read' }).catch(notFoundAsNull);
    if (row) return this.files.file(manager, row, BeneficiaryAccess.isReferent(actor, row));
    const shared = await this.access.openShared(actor, id, parisToday(this.clock.now()));
    return onlySharedParts(await this.files.file(manager, shared.row, shared.share.healthNoteVisible), shared.share);
  }
}

function notFoundAsNull(error: unknown): BeneficiaryRow | null {
  if (error instanceof DomainError && error.code === 'beneficiary.not_found') return null;
  throw error;
}
