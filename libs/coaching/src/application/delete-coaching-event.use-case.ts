import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { isDecidedAid } from '../domain/journal.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { JournalStore } from './ports/journal-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/**
 * Deletes a journal entry: its author or the referent coach only. The row stays, marked deleted (who, when) and
 * audited; a decided aid request stays (its decision is a fact the indicators count).
 */
@Injectable()
export class DeleteCoachingEvent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly journal: JournalStore,
  ) {}

  async execute(actor: Actor, id: string, eventId: string): Promise<{ id: string; deletedAt: Date }> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'event', manager, { deletedEventId: eventId });
      const event = await this.journal.lock(manager, id, eventId);
      if (!event) throw coachingError('event.not_found', 'no such journal entry on this file');
      if (event.authorId !== actor.userId && !BeneficiaryAccess.isReferent(actor, row))
        throw coachingError('event.delete_forbidden', 'only its author or the referent coach deletes an entry');
      if (isDecidedAid(event))
        throw coachingError('event.aid_decided', 'a decided aid request stays in the journal', [
          { field: 'eventId', reason: 'aid already decided' },
        ]);
      return { id: eventId, deletedAt: await this.journal.markDeleted(manager, id, eventId, actor.userId) };
    });
  }
}
