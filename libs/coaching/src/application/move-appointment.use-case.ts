import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type AppointmentTimes, timeProblems } from '../domain/appointment.js';
import { movedMessage } from '../domain/booking.js';
import { coachingError } from '../domain/coaching-errors.js';
import { PersonMessages } from './person-messages.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';

export interface AppointmentMove extends AppointmentTimes {
  readonly place?: string | null;
}

/**
 * The coach moves one of their appointments (another time, another place); once it is committed,
 * each participant is told, by e-mail and SMS as they consented (each attempt recorded).
 */
@Injectable()
export class MoveAppointment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentStore,
    private readonly messages: PersonMessages,
  ) {}

  async execute(actor: Actor, appointmentId: string, move: AppointmentMove): Promise<AppointmentView> {
    const problems = timeProblems(move);
    if (problems.length > 0) throw coachingError('appointment.invalid', 'these times are inconsistent', problems);
    const moved = await this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointments.lock(manager, actor.userId, appointmentId);
      if (!appointment) throw coachingError('appointment.not_found', 'no such appointment in this agenda');
      if (appointment.cancelled) throw coachingError('appointment.cancelled', 'this appointment is cancelled');
      await this.appointments.move(manager, appointmentId, move, move.place ?? null);
      return this.appointments.one(manager, appointmentId);
    });
    for (const target of await this.appointments.messageTargets(this.dataSource.manager, appointmentId))
      await this.messages.send(
        { id: target.beneficiaryId, email: target.email, phone: target.phone },
        movedMessage(target.firstName, target),
        { purpose: 'moved', appointmentId },
      );
    return moved;
  }
}
