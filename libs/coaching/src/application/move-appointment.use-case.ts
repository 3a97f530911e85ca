import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type AppointmentTimes, timeProblems } from '../domain/appointment.js';
import { coachingError } from '../domain/coaching-errors.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';

export interface AppointmentMove extends AppointmentTimes {
  readonly place?: string | null;
}

/** The coach moves one of their appointments (another time, another place). */
@Injectable()
export class MoveAppointment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentStore,
  ) {}

  async execute(actor: Actor, appointmentId: string, move: AppointmentMove): Promise<AppointmentView> {
    const problems = timeProblems(move);
    if (problems.length > 0) throw coachingError('appointment.invalid', 'these times are inconsistent', problems);
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointments.lock(manager, actor.userId, appointmentId);
      if (!appointment) throw coachingError('appointment.not_found', 'no such appointment in this agenda');
      if (appointment.cancelled) throw coachingError('appointment.cancelled', 'this appointment is cancelled');
      await this.appointments.move(manager, appointmentId, move, move.place ?? null);
      return this.appointments.one(manager, appointmentId);
    });
  }
}
