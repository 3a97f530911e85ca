import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { type Attendance, attendanceNote, journalKindOf } from '../domain/appointment.js';
import { parisToday } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { journalEntryProblems, type NewEvent } from '../domain/journal.js';
import { CheckContactRhythm } from './contact-rhythm.use-case.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { JournalStore } from './ports/journal-store.js';

/**
 * The coach notes whether a participant came (present, absent, excused) once the appointment has
 * started. `present` becomes a journal contact (a meeting, a call, a collective workshop) dated the
 * appointment's day, so the contact counts (and withdraws the rhythm alert of a person it brings back
 * to the rhythm); changing it back withdraws that entry (marked deleted).
 */
@Injectable()
export class RecordAttendance {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly appointments: AppointmentStore,
    private readonly journal: JournalStore,
    private readonly clock: Clock,
    private readonly rhythm: CheckContactRhythm,
  ) {}

  async execute(
    actor: Actor,
    appointmentId: string,
    beneficiaryId: string,
    attendance: Attendance,
  ): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointments.lock(manager, actor.userId, appointmentId);
      if (!appointment) throw coachingError('appointment.not_found', 'no such appointment in this agenda');
      if (appointment.cancelled) throw coachingError('appointment.cancelled', 'this appointment is cancelled');
      const now = this.clock.now();
      if (appointment.startsAt > now) throw coachingError('appointment.not_started', 'it has not started yet');
      const row = await this.access.openForUpdate(actor, beneficiaryId, 'attendance', manager, { appointmentId });
      const participation = await this.appointments.participation(manager, appointmentId, beneficiaryId);
      if (!participation)
        throw coachingError('appointment.participant_not_found', 'this person does not take part in it');
      let journalEventId = participation.journalEventId;
      if (attendance === 'present' && journalEventId === null) {
        const entry: NewEvent = {
          kind: journalKindOf(appointment.kind),
          occurredOn: parisToday(appointment.startsAt),
          note: attendanceNote(appointment),
          collective: appointment.kind === 'collective',
        };
        const problems = journalEntryProblems(entry, row.orientation_date, parisToday(now));
        if (problems.length > 0)
          throw coachingError('event.invalid', 'this contact cannot go in the journal', problems);
        journalEventId = await this.journal.insert(manager, beneficiaryId, entry, actor.userId);
      } else if (attendance !== 'present' && journalEventId !== null) {
        await this.journal.markDeleted(manager, beneficiaryId, journalEventId, actor.userId);
        journalEventId = null;
      }
      await this.appointments.recordAttendance(
        manager,
        appointmentId,
        beneficiaryId,
        attendance,
        actor.userId,
        journalEventId,
      );
      // Attending counts as a contact: it may bring the person back to the rhythm (their alert goes).
      if (journalEventId !== null) await this.rhythm.clearFor(manager, beneficiaryId);
      return this.appointments.one(manager, appointmentId);
    });
  }
}
