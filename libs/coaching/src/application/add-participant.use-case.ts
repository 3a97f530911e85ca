import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { ACTIVE_STATUSES } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';

/** A person of the coach's portfolio joins one of the coach's collective sessions, within its capacity. */
@Injectable()
export class AddParticipant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly appointments: AppointmentStore,
  ) {}

  async execute(actor: Actor, appointmentId: string, beneficiaryId: string): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointments.lock(manager, actor.userId, appointmentId);
      if (!appointment) throw coachingError('appointment.not_found', 'no such appointment in this agenda');
      if (appointment.cancelled) throw coachingError('appointment.cancelled', 'this appointment is cancelled');
      if (appointment.kind !== 'collective')
        throw coachingError('appointment.not_collective', 'an individual appointment is with one person');
      const row = await this.access.openForUpdate(actor, beneficiaryId, 'appointment', manager);
      if (!ACTIVE_STATUSES.includes(row.status))
        throw coachingError('appointment.person_not_followed', 'this person is no longer followed', [
          { field: 'beneficiaryId', reason: 'no longer followed' },
        ]);
      if (appointment.participants >= (appointment.capacity ?? 0))
        throw coachingError('appointment.full', 'this session is full');
      if (!(await this.appointments.addParticipant(manager, appointmentId, beneficiaryId)))
        throw coachingError('appointment.participant_exists', 'this person takes part already');
      return this.appointments.one(manager, appointmentId);
    });
  }
}
