import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { appointmentProblems, type NewAppointment } from '../domain/appointment.js';
import { ACTIVE_STATUSES } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';

/**
 * A coach plans an appointment in their agenda: with one person of their portfolio, or a collective
 * session with several. Each person's file is opened for update (scope, audit): someone outside the
 * coach's portfolio does not exist (404).
 */
@Injectable()
export class PlanAppointment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly appointments: AppointmentStore,
  ) {}

  async execute(actor: Actor, input: NewAppointment): Promise<AppointmentView> {
    const problems = appointmentProblems(input);
    if (problems.length > 0) throw coachingError('appointment.invalid', 'this appointment is inconsistent', problems);
    return this.dataSource.transaction(async (manager) => {
      for (const beneficiaryId of input.beneficiaryIds) {
        const row = await this.access.openForUpdate(actor, beneficiaryId, 'appointment', manager);
        if (!ACTIVE_STATUSES.includes(row.status))
          throw coachingError('appointment.person_not_followed', 'this person is no longer followed', [
            { field: 'beneficiaryIds', reason: `${beneficiaryId} is no longer followed` },
          ]);
      }
      const id = await this.appointments.insert(manager, actor.userId, input);
      for (const beneficiaryId of input.beneficiaryIds)
        await this.appointments.addParticipant(manager, id, beneficiaryId);
      return this.appointments.one(manager, id);
    });
  }
}
