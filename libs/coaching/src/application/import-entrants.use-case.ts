import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { type EntrantDuplicate, type EntrantRefusal, EntrantsPlanner } from './entrants-import.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { EntrantsStore } from './ports/entrants-store.js';

export interface EntrantsImportResult {
  readonly created: Array<{ readonly line: number; readonly id: string }>;
  readonly duplicates: EntrantDuplicate[];
  readonly refused: EntrantRefusal[];
}

/**
 * The confirmation of a previewed import: the same file (its digest as the preview gave it) is read
 * again and checked again under a lock, so a person registered since the preview, or by another
 * confirmation of the file, is a duplicate and not created twice. Each line to create becomes an
 * `oriented` file of its structure, without a referent yet (a manager assigns them); audited.
 */
@Injectable()
export class ImportEntrants {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: EntrantsPlanner,
    private readonly store: EntrantsStore,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, bytes: Uint8Array, previewDigest: string): Promise<EntrantsImportResult> {
    return this.dataSource.transaction(async (manager) => {
      await this.store.lock(manager);
      const plan = await this.planner.plan(manager, actor, bytes, parisToday(this.clock.now()));
      if (plan.digest !== previewDigest)
        throw coachingError('import.changed', 'this is not the file previewed', [
          { field: 'digest', reason: 'le fichier n’est pas celui de l’aperçu : refaites l’aperçu' },
        ]);
      const created: Array<{ line: number; id: string }> = [];
      for (const entrant of plan.toCreate) {
        const row = await this.beneficiaries.insert(
          manager,
          entrant.structureId,
          {
            firstName: entrant.firstName,
            lastName: entrant.lastName,
            birthDate: entrant.birthDate,
            email: null,
            phone: null,
            address: entrant.address,
            commune: entrant.commune,
          },
          entrant.orientationDate,
        );
        created.push({ line: entrant.line, id: row.id });
      }
      if (created.length > 0)
        await this.audit.record(
          actor,
          'create',
          plan.toCreate.map((entrant, index) => ({
            type: 'beneficiary',
            id: created[index].id,
            structureId: entrant.structureId,
          })),
          { via: 'entrants_import', digest: plan.digest },
          manager,
        );
      return { created, duplicates: plan.duplicates, refused: plan.refused };
    });
  }
}
