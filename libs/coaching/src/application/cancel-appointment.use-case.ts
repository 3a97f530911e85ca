import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import { AppointmentStore, type AppointmentView } from './ports/appointment-store.js';

/** The coach cancels one of their appointments: it stays in the agenda, marked cancelled. */
@Injectable()
export class CancelAppointment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentStore,
  ) {}

  async execute(actor: Actor, appointmentId: string): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.appointments.lock(manager, actor.userId, appointmentId);
      if (!appointment) throw coachingError('appointment.not_found', 'no such appointment in this agenda');
      if (appointment.cancelled) throw coachingError('appointment.cancelled', 'this appointment is cancelled');
      await this.appointments.cancel(manager, appointmentId);
      return this.appointments.one(manager, appointmentId);
    });
  }
}
