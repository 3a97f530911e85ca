import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { AidDecision } from '../domain/coaching.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type EventView, JournalStore } from './ports/journal-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The decision on an aid request (granted with its amount, refused). */
@Injectable()
export class DecideAid {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly journal: JournalStore,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    eventId: string,
    input: { decision: AidDecision; amount?: number | null },
  ): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.open(actor, 'beneficiaries.write', id, { action: 'update', details: { part: 'aid' } }, manager);
      if (!(await this.journal.decideAid(manager, id, eventId, input.decision, input.amount ?? null)))
        throw coachingError('event.not_found', 'no such aid request on this file');
      return this.journal.one(manager, id, eventId);
    });
  }
}
