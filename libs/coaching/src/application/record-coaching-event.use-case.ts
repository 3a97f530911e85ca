import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import { journalEntryProblems, type NewEvent } from '../domain/journal.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { type EventView, JournalStore } from './ports/journal-store.js';
import { coachingError } from '../domain/coaching-errors.js';
import { CheckContactRhythm } from './contact-rhythm.use-case.js';

/**
 * An entry in the journal of contacts and actions (an aid request carries its aid); a contact that
 * brings the person back to their structure's rhythm withdraws the rhythm alert.
 */
@Injectable()
export class RecordCoachingEvent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly journal: JournalStore,
    private readonly rhythm: CheckContactRhythm,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, input: NewEvent): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, id, 'event', manager);
      const problems = journalEntryProblems(input, row.orientation_date, parisToday(this.clock.now()));
      if (problems.length > 0) throw coachingError('event.invalid', 'this journal entry is inconsistent', problems);
      const eventId = await this.journal.insert(manager, id, input, actor.userId);
      // A contact may bring the person back to the rhythm: their alert goes with the entry.
      await this.rhythm.clearFor(manager, id);
      return this.journal.one(manager, id, eventId);
    });
  }
}
