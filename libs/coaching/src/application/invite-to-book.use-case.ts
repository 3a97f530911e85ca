import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import {
  BOOKING_LINK_DAYS,
  bookingUrl,
  hashBookingToken,
  invitationMessage,
  newBookingToken,
} from '../domain/booking.js';
import { ACTIVE_STATUSES } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { type Deliveries, PersonMessages } from './person-messages.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BookingStore } from './ports/booking-store.js';

export interface Invitation {
  readonly url: string;
  readonly expiresAt: Date;
  readonly deliveries: Deliveries;
}

/**
 * The referent coach invites a person of their portfolio to pick one of the coach's free slots: a
 * link that needs no account (its token is shown once; only its hash is kept), expiring after 14
 * days, sent by e-mail and SMS where the person consented to each. Opening the file is audited.
 */
@Injectable()
export class InviteToBook {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly bookings: BookingStore,
    private readonly messages: PersonMessages,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, beneficiaryId: string, baseUrl: string): Promise<Invitation> {
    const token = newBookingToken();
    const expiresAt = new Date(this.clock.now().getTime() + BOOKING_LINK_DAYS * 86_400_000);
    const { row, invitationId } = await this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, beneficiaryId, 'booking_invitation', manager);
      if (!ACTIVE_STATUSES.includes(row.status))
        throw coachingError('appointment.person_not_followed', 'this person is no longer followed');
      const invitationId = await this.bookings.insertInvitation(
        manager,
        beneficiaryId,
        { coachUserId: actor.userId, structureId: null },
        hashBookingToken(token),
        expiresAt,
      );
      return { row, invitationId };
    });
    const url = bookingUrl(baseUrl, token);
    const deliveries = await this.messages.send(
      { id: row.id, email: row.email, phone: row.phone },
      invitationMessage({ firstName: row.first_name, url, expiresAt }),
      { purpose: 'invitation', invitationId },
    );
    return { url, expiresAt, deliveries };
  }
}
