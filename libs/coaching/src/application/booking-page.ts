import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { hashBookingToken, isBookingToken } from '../domain/booking.js';
import { AppointmentStore } from './ports/appointment-store.js';
import {
  type BookingPerson,
  BookingStore,
  type InvitationRow,
  type OpenSession,
  type SlotView,
} from './ports/booking-store.js';

export interface BookedAppointment {
  readonly kind: string;
  /** A collective session's title. */
  readonly title: string | null;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly cancelled: boolean;
}

/**
 * What a booking link shows its holder, who has no account: unknown (never issued, or altered),
 * gone (expired, revoked, or the person is no longer followed by this coach), booked (the slot they
 * picked) or open (the coach's free slots, and their collective sessions with a place left; for a
 * structure's invitation, the free slots of its coaches). Only the first name is shown: the link may be forwarded.
 */
export type BookingState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'closed' }
  | { readonly kind: 'booked'; readonly firstName: string | null; readonly appointment: BookedAppointment }
  | {
      readonly kind: 'open';
      readonly firstName: string | null;
      readonly expiresAt: Date;
      readonly slots: SlotView[];
      readonly sessions: OpenSession[];
      readonly invitation: InvitationRow;
      readonly person: BookingPerson;
    };

@Injectable()
export class BookingPages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingStore,
    private readonly appointments: AppointmentStore,
    private readonly clock: Clock,
  ) {}

  async state(token: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<BookingState> {
    if (!isBookingToken(token)) return { kind: 'unknown' };
    const invitation = await this.bookings.invitationByTokenHash(manager, hashBookingToken(token), lock);
    if (!invitation) return { kind: 'unknown' };
    const person = await this.bookings.person(manager, invitation.beneficiaryId);
    if (invitation.bookedAppointmentId && person) {
      const appointment = await this.appointments.one(manager, invitation.bookedAppointmentId);
      return {
        kind: 'booked',
        firstName: person.firstName,
        appointment: {
          kind: appointment.kind,
          title: appointment.title,
          place: appointment.place,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          cancelled: appointment.cancelledAt !== null,
        },
      };
    }
    if (invitation.revokedAt) return { kind: 'gone', reason: 'revoked' };
    const now = this.clock.now();
    if (invitation.expiresAt <= now) return { kind: 'gone', reason: 'expired' };
    // A coach's link: the person is still theirs; a structure's (no referent yet): still of that structure.
    const stillIssuers = invitation.coachUserId
      ? person?.referentUserId === invitation.coachUserId
      : person?.structureId === invitation.structureId;
    if (!person || !person.followed || !stillIssuers) return { kind: 'gone', reason: 'closed' };
    return {
      kind: 'open',
      firstName: person.firstName,
      expiresAt: invitation.expiresAt,
      slots: invitation.coachUserId
        ? await this.bookings.freeSlots(manager, invitation.coachUserId, now)
        : await this.bookings.freeSlotsOfStructure(manager, invitation.structureId!, now),
      sessions: invitation.coachUserId
        ? await this.bookings.openSessions(manager, invitation.coachUserId, person.id, now)
        : [],
      invitation,
      person,
    };
  }
}
