import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type AnonymousActor, AuditLog } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import { BookingPages, type BookingState } from './booking-page.js';
import { AppointmentStore } from './ports/appointment-store.js';
import { BookingStore } from './ports/booking-store.js';

/**
 * The holder of an open booking link picks one of the coach's free slots: it becomes an individual
 * appointment with the person, in the coach's agenda. One booking per link; a slot taken meanwhile
 * (or past) is refused (409). Recorded in the audit log as done through the link.
 */
@Injectable()
export class BookSlot {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pages: BookingPages,
    private readonly bookings: BookingStore,
    private readonly appointments: AppointmentStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(token: string, slotId: string, viewer: AnonymousActor): Promise<BookingState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.pages.state(token, manager, true);
      if (state.kind !== 'open') return state;
      const slot = await this.bookings.lockSlot(manager, state.invitation.coachUserId, slotId);
      if (!slot || slot.appointmentId !== null || slot.startsAt <= this.clock.now())
        throw coachingError('booking.slot_taken', 'this slot is not free', [
          { field: 'slotId', reason: 'not a free slot of this coach' },
        ]);
      const appointmentId = await this.appointments.insert(manager, state.invitation.coachUserId, {
        kind: slot.kind,
        place: slot.place,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        beneficiaryIds: [state.person.id],
      });
      await this.appointments.addParticipant(manager, appointmentId, state.person.id);
      await this.bookings.bookSlot(manager, slot.id, appointmentId);
      await this.bookings.markInvitationBooked(manager, state.invitation.id, appointmentId);
      await this.audit.record(
        viewer,
        'create',
        [{ type: 'beneficiary', id: state.person.id }],
        { part: 'self_booking', appointmentId, invitationId: state.invitation.id },
        manager,
      );
      return this.pages.state(token, manager);
    });
  }
}
