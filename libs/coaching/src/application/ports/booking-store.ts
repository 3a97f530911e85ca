import type { EntityManager } from 'typeorm';
import type { AppointmentKind } from '../../domain/appointment.js';
import type { MessageChannel, MessagePurpose } from '../../domain/booking.js';

export interface SlotView {
  readonly id: string;
  readonly kind: AppointmentKind;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The appointment it became once booked. */
  readonly appointmentId: string | null;
}

/** A collective session of the coach still to come with a place left, as a booking link offers it. */
export interface OpenSession {
  readonly id: string;
  readonly title: string;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export interface NewSlot {
  readonly kind: AppointmentKind;
  readonly place?: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Who an invitation is from: a coach (their slots), or a structure (its coaches' slots; no referent yet). */
export interface InvitationIssuer {
  readonly coachUserId: string | null;
  readonly structureId: string | null;
}

/** A slot with its coach, locked for booking. */
export interface LockedSlot extends SlotView {
  readonly coachUserId: string;
}

export interface InvitationRow extends InvitationIssuer {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly bookedAppointmentId: string | null;
}

export interface NewDelivery {
  readonly beneficiaryId: string;
  readonly channel: MessageChannel;
  readonly purpose: MessagePurpose;
  readonly status: 'sent' | 'failed';
  readonly error?: string | null;
  readonly appointmentId?: string | null;
  readonly invitationId?: string | null;
  readonly spaceLinkId?: string | null;
}

export interface DeliveryView {
  readonly channel: MessageChannel;
  readonly purpose: MessagePurpose;
  readonly status: 'sent' | 'failed';
  readonly error: string | null;
  readonly appointmentId: string | null;
  readonly at: Date;
}

export interface BookingPerson {
  readonly id: string;
  readonly firstName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly referentUserId: string | null;
  readonly structureId: string;
  /** Still followed (oriented or in coaching) and not erased. */
  readonly followed: boolean;
}

/** The coaches' free slots (`appointment_slot`), booking invitations and the messages' deliveries. */
export abstract class BookingStore {
  abstract insertSlot(manager: EntityManager, coachUserId: string, slot: NewSlot): Promise<SlotView>;

  /** The coach's slots starting in [from, to), booked or not, withdrawn ones left out. */
  abstract slots(manager: EntityManager, coachUserId: string, from: Date, to: Date): Promise<SlotView[]>;

  /** The coach's slots still free that start after `now`, soonest first. */
  abstract freeSlots(manager: EntityManager, coachUserId: string, now: Date): Promise<SlotView[]>;

  /**
   * The coach's collective sessions (not cancelled) that start after `now`, have a place left and
   * do not count the person among their participants yet, soonest first.
   */
  abstract openSessions(
    manager: EntityManager,
    coachUserId: string,
    beneficiaryId: string,
    now: Date,
  ): Promise<OpenSession[]>;

  /** The free slots of the active coaches of a structure that start after `now`, soonest first. */
  abstract freeSlotsOfStructure(manager: EntityManager, structureId: string, now: Date): Promise<SlotView[]>;

  /**
   * The slot of the invitation's coach (or of an active coach of its structure), withdrawn ones
   * excepted, locked until the transaction ends, or null.
   */
  abstract lockSlot(manager: EntityManager, issuer: InvitationIssuer, slotId: string): Promise<LockedSlot | null>;

  /**
   * Makes the coach the person's referent when they have none (a first appointment booked through
   * their structure's link): the assignment opens with `assignedBy` and `reason`, in the caller's
   * transaction. False, and nothing changes, when the person has a referent already.
   */
  abstract claimReferent(
    manager: EntityManager,
    beneficiaryId: string,
    coachUserId: string,
    assignment: { readonly assignedBy: string; readonly reason: string },
  ): Promise<boolean>;

  /** The active managers of the structure or of a structure above it (those who assign its people). */
  abstract managersOver(manager: EntityManager, structureId: string): Promise<string[]>;

  /** The coach's name, as the staff see it. */
  abstract coachName(manager: EntityManager, coachUserId: string): Promise<string | null>;

  abstract withdrawSlot(manager: EntityManager, slotId: string): Promise<void>;

  abstract bookSlot(manager: EntityManager, slotId: string, appointmentId: string): Promise<void>;

  abstract insertInvitation(
    manager: EntityManager,
    beneficiaryId: string,
    issuer: InvitationIssuer,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<string>;

  abstract invitationByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    lock: boolean,
  ): Promise<InvitationRow | null>;

  abstract markInvitationBooked(manager: EntityManager, invitationId: string, appointmentId: string): Promise<void>;

  /** The person an invitation is for, as the public booking page needs them (null once erased). */
  abstract person(manager: EntityManager, beneficiaryId: string): Promise<BookingPerson | null>;

  abstract recordDelivery(manager: EntityManager, delivery: NewDelivery): Promise<void>;

  abstract deliveries(manager: EntityManager, beneficiaryId: string): Promise<DeliveryView[]>;
}
