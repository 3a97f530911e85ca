import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type AnonymousActor, AuditLog, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { coachingError } from '../domain/coaching-errors.js';
import { BookingPages, type BookingState } from './booking-page.js';
import { AppointmentStore } from './ports/appointment-store.js';
import { BookingStore, type InvitationIssuer } from './ports/booking-store.js';
import { RecordNotification } from './record-notification.use-case.js';

/** The inbox kind telling a manager that a first booking gave a person their referent. */
export const REFERENT_BY_BOOKING_KIND = 'referent_by_booking';

/**
 * The holder of an open booking link picks one of the coach's free slots (it becomes an individual
 * appointment with the person, in the coach's agenda) or a place in one of the coach's collective
 * sessions (the person joins its participants). One booking per link; a slot taken meanwhile, a
 * full, cancelled or past session, is refused (409). Recorded in the audit log as done through the link.
 * A first appointment booked through a structure's link, by a person who has no referent yet, makes
 * the slot's coach their referent (so the coach can open the file they will meet), audited as done
 * through the link; the structure's managers are told, and may transfer the person as usual. A
 * referent given meanwhile is never replaced.
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
    private readonly notifications: RecordNotification,
  ) {}

  async execute(token: string, slotId: string, viewer: AnonymousActor): Promise<BookingState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.pages.state(token, manager, true);
      if (state.kind !== 'open') return state;
      const coachUserId = state.invitation.coachUserId;
      const booked = await this.bookSlot(manager, state.invitation, slotId, state.person.id);
      const appointmentId =
        booked?.appointmentId ??
        (coachUserId ? await this.joinSession(manager, coachUserId, slotId, state.person.id) : null);
      if (!appointmentId)
        throw coachingError('booking.slot_taken', 'this slot is not free', [
          { field: 'slotId', reason: 'not a free slot of this coach' },
        ]);
      await this.bookings.markInvitationBooked(manager, state.invitation.id, appointmentId);
      await this.audit.record(
        viewer,
        'create',
        [{ type: 'beneficiary', id: state.person.id }],
        { part: 'self_booking', appointmentId, invitationId: state.invitation.id },
        manager,
      );
      if (booked && state.invitation.structureId !== null && state.person.referentUserId === null)
        await this.giveReferent(manager, viewer, state.person, booked.coachUserId, state.invitation.id);
      return this.pages.state(token, manager);
    });
  }

  /** The slot's coach becomes the referent of a person who has none; their managers are told. */
  private async giveReferent(
    manager: EntityManager,
    viewer: AnonymousActor,
    person: { readonly id: string; readonly structureId: string },
    coachUserId: string,
    invitationId: string,
  ): Promise<void> {
    const claimed = await this.bookings.claimReferent(manager, person.id, coachUserId, {
      assignedBy: SYSTEM_ACTOR_ID,
      reason: 'premier rendez-vous réservé par la personne avec le lien de sa structure',
    });
    if (!claimed) return;
    await this.audit.record(
      viewer,
      'update',
      [{ type: 'beneficiary', id: person.id, structureId: person.structureId }],
      { referent: { from: null, to: coachUserId }, via: 'self_booking', invitationId },
      manager,
    );
    const coachName = (await this.bookings.coachName(manager, coachUserId)) ?? 'un·e conseiller·e';
    const managers = await this.bookings.managersOver(manager, person.structureId);
    await this.notifications.execute(
      managers.map((userId) => ({
        userId,
        kind: REFERENT_BY_BOOKING_KIND,
        subjectType: 'beneficiary',
        subjectId: person.id,
        // Names the coach, not the person: the manager opens the file from the notification's subject.
        message: `Une personne sans référent a réservé son premier rendez-vous avec ${coachName}, qui devient son ou sa référent·e. Vous pouvez la transférer si besoin.`,
      })),
      { manager },
    );
  }

  /** The free slot becomes an appointment with the person; null when it is no free slot of the issuer's. */
  private async bookSlot(
    manager: EntityManager,
    issuer: InvitationIssuer,
    slotId: string,
    beneficiaryId: string,
  ): Promise<{ appointmentId: string; coachUserId: string } | null> {
    const slot = await this.bookings.lockSlot(manager, issuer, slotId);
    if (!slot || slot.appointmentId !== null || slot.startsAt <= this.clock.now()) return null;
    const appointmentId = await this.appointments.insert(manager, slot.coachUserId, {
      kind: slot.kind,
      place: slot.place,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      beneficiaryIds: [beneficiaryId],
    });
    await this.appointments.addParticipant(manager, appointmentId, beneficiaryId);
    await this.bookings.bookSlot(manager, slot.id, appointmentId);
    return { appointmentId, coachUserId: slot.coachUserId };
  }

  /** The person joins the coach's collective session; null when it is none, or full, cancelled or past. */
  private async joinSession(
    manager: EntityManager,
    coachUserId: string,
    appointmentId: string,
    beneficiaryId: string,
  ): Promise<string | null> {
    const session = await this.appointments.lock(manager, coachUserId, appointmentId);
    if (
      !session ||
      session.kind !== 'collective' ||
      session.cancelled ||
      session.startsAt <= this.clock.now() ||
      session.participants >= (session.capacity ?? 0)
    )
      return null;
    return (await this.appointments.addParticipant(manager, appointmentId, beneficiaryId)) ? appointmentId : null;
  }
}
