import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppointmentKind } from '../domain/appointment.js';
import type { MessageChannel, MessagePurpose } from '../domain/booking.js';
import {
  type BookingPerson,
  BookingStore,
  type DeliveryView,
  type InvitationIssuer,
  type InvitationRow,
  type LockedSlot,
  type NewDelivery,
  type NewSlot,
  type OpenSession,
  type SlotView,
} from '../application/ports/booking-store.js';

interface SlotRow {
  id: string;
  coach_user_id: string;
  kind: AppointmentKind;
  place: string | null;
  starts_at: Date;
  ends_at: Date;
  appointment_id: string | null;
}

const toSlot = (row: SlotRow): SlotView => ({
  id: row.id,
  kind: row.kind,
  place: row.place,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  appointmentId: row.appointment_id,
});

/** Slots, invitations and deliveries on PostgreSQL. */
@Injectable()
export class SqlBookingStore extends BookingStore {
  override async insertSlot(manager: EntityManager, coachUserId: string, slot: NewSlot): Promise<SlotView> {
    const rows: SlotRow[] = await manager.query(
      `INSERT INTO appointment_slot (coach_user_id, kind, place, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING *`,
      [coachUserId, slot.kind, slot.place ?? null, slot.startsAt, slot.endsAt],
    );
    return toSlot(rows[0]);
  }

  override async slots(manager: EntityManager, coachUserId: string, from: Date, to: Date): Promise<SlotView[]> {
    const rows: SlotRow[] = await manager.query(
      `SELECT * FROM appointment_slot WHERE coach_user_id = $1 AND withdrawn_at IS NULL
         AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id`,
      [coachUserId, from, to],
    );
    return rows.map(toSlot);
  }

  override async freeSlots(manager: EntityManager, coachUserId: string, now: Date): Promise<SlotView[]> {
    const rows: SlotRow[] = await manager.query(
      `SELECT * FROM appointment_slot WHERE coach_user_id = $1 AND withdrawn_at IS NULL
         AND appointment_id IS NULL AND starts_at > $2 ORDER BY starts_at, id LIMIT 100`,
      [coachUserId, now],
    );
    return rows.map(toSlot);
  }

  override async openSessions(
    manager: EntityManager,
    coachUserId: string,
    beneficiaryId: string,
    now: Date,
  ): Promise<OpenSession[]> {
    const rows: Array<{ id: string; title: string; place: string | null; starts_at: Date; ends_at: Date }> =
      await manager.query(
        `SELECT a.id, a.title, a.place, a.starts_at, a.ends_at FROM appointment a
         WHERE a.coach_user_id = $1 AND a.kind = 'collective' AND a.cancelled_at IS NULL AND a.starts_at > $3
           AND NOT EXISTS (SELECT 1 FROM appointment_participant p WHERE p.appointment_id = a.id AND p.beneficiary_id = $2)
           AND (SELECT count(*) FROM appointment_participant p WHERE p.appointment_id = a.id) < a.capacity
         ORDER BY a.starts_at, a.id LIMIT 100`,
        [coachUserId, beneficiaryId, now],
      );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      place: row.place,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }

  override async freeSlotsOfStructure(manager: EntityManager, structureId: string, now: Date): Promise<SlotView[]> {
    const rows: SlotRow[] = await manager.query(
      `SELECT s.* FROM appointment_slot s JOIN identity_user_v u ON u.id = s.coach_user_id
       WHERE u.structure_id = $1 AND u.status = 'active' AND s.withdrawn_at IS NULL
         AND s.appointment_id IS NULL AND s.starts_at > $2 ORDER BY s.starts_at, s.id LIMIT 100`,
      [structureId, now],
    );
    return rows.map(toSlot);
  }

  override async lockSlot(
    manager: EntityManager,
    issuer: InvitationIssuer,
    slotId: string,
  ): Promise<LockedSlot | null> {
    const rows: SlotRow[] = await manager.query(
      `SELECT s.* FROM appointment_slot s WHERE s.id = $1 AND s.withdrawn_at IS NULL
         AND (s.coach_user_id = $2 OR s.coach_user_id IN (
           SELECT u.id FROM identity_user_v u WHERE u.structure_id = $3 AND u.status = 'active'))
       FOR UPDATE OF s`,
      [slotId, issuer.coachUserId, issuer.structureId],
    );
    const row = rows.at(0);
    return row ? { ...toSlot(row), coachUserId: row.coach_user_id } : null;
  }

  override async claimReferent(
    manager: EntityManager,
    beneficiaryId: string,
    coachUserId: string,
    assignment: { readonly assignedBy: string; readonly reason: string },
  ): Promise<boolean> {
    // Conditional on the row as it is now: a referent given meanwhile is never replaced.
    const claimed: unknown[] = await manager.query(
      `UPDATE beneficiary SET referent_user_id = $2, updated_at = now()
       WHERE id = $1 AND referent_user_id IS NULL AND erased_at IS NULL RETURNING id`,
      [beneficiaryId, coachUserId],
    );
    if (claimed.length === 0) return false;
    await manager.query(
      `UPDATE beneficiary_assignment SET ended_at = now() WHERE beneficiary_id = $1 AND ended_at IS NULL`,
      [beneficiaryId],
    );
    await manager.query(
      `INSERT INTO beneficiary_assignment (beneficiary_id, coach_user_id, assigned_by, cap_override, reason)
       VALUES ($1, $2, $3, false, $4)`,
      [beneficiaryId, coachUserId, assignment.assignedBy, assignment.reason],
    );
    return true;
  }

  override async managersOver(manager: EntityManager, structureId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH RECURSIVE above AS (
         SELECT id, parent_id FROM identity_structure_v WHERE id = $1
         UNION
         SELECT s.id, s.parent_id FROM identity_structure_v s JOIN above a ON s.id = a.parent_id
       )
       SELECT u.id FROM identity_user_v u
       WHERE u.status = 'active' AND 'manager' = ANY (u.roles) AND u.structure_id IN (SELECT id FROM above)
       ORDER BY u.id`,
      [structureId],
    );
    return rows.map((row) => row.id);
  }

  override async coachName(manager: EntityManager, coachUserId: string): Promise<string | null> {
    const rows: Array<{ display_name: string }> = await manager.query(
      'SELECT display_name FROM identity_user_v WHERE id = $1',
      [coachUserId],
    );
    return rows.at(0)?.display_name ?? null;
  }

  override async withdrawSlot(manager: EntityManager, slotId: string): Promise<void> {
    await manager.query('UPDATE appointment_slot SET withdrawn_at = now() WHERE id = $1', [slotId]);
  }

  override async bookSlot(manager: EntityManager, slotId: string, appointmentId: string): Promise<void> {
    await manager.query('UPDATE appointment_slot SET appointment_id = $2 WHERE id = $1', [slotId, appointmentId]);
  }

  override async insertInvitation(
    manager: EntityManager,
    beneficiaryId: string,
    issuer: InvitationIssuer,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO booking_invitation (beneficiary_id, coach_user_id, structure_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [beneficiaryId, issuer.coachUserId, issuer.structureId, tokenHash, expiresAt],
    );
    return rows[0].id;
  }

  override async invitationByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    lock: boolean,
  ): Promise<InvitationRow | null> {
    const rows: Array<{
      id: string;
      beneficiary_id: string;
      coach_user_id: string | null;
      structure_id: string | null;
      expires_at: Date;
      revoked_at: Date | null;
      booked_appointment_id: string | null;
    }> = await manager.query(
      `SELECT id, beneficiary_id, coach_user_id, structure_id, expires_at, revoked_at, booked_appointment_id
       FROM booking_invitation WHERE token_hash = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    const row = rows.at(0);
    return row
      ? {
          id: row.id,
          beneficiaryId: row.beneficiary_id,
          coachUserId: row.coach_user_id,
          structureId: row.structure_id,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
          bookedAppointmentId: row.booked_appointment_id,
        }
      : null;
  }

  override async markInvitationBooked(
    manager: EntityManager,
    invitationId: string,
    appointmentId: string,
  ): Promise<void> {
    await manager.query('UPDATE booking_invitation SET booked_appointment_id = $2, booked_at = now() WHERE id = $1', [
      invitationId,
      appointmentId,
    ]);
  }

  override async person(manager: EntityManager, beneficiaryId: string): Promise<BookingPerson | null> {
    const rows: Array<{
      id: string;
      first_name: string | null;
      email: string | null;
      phone: string | null;
      referent_user_id: string | null;
      structure_id: string;
      followed: boolean;
    }> = await manager.query(
      `SELECT id, first_name, email, phone, referent_user_id, structure_id, status IN ('oriented', 'in_coaching') AS followed
       FROM beneficiary WHERE id = $1 AND erased_at IS NULL`,
      [beneficiaryId],
    );
    const row = rows.at(0);
    return row
      ? {
          id: row.id,
          firstName: row.first_name,
          email: row.email,
          phone: row.phone,
          referentUserId: row.referent_user_id,
          structureId: row.structure_id,
          followed: row.followed,
        }
      : null;
  }

  override async recordDelivery(manager: EntityManager, delivery: NewDelivery): Promise<void> {
    await manager.query(
      `INSERT INTO message_delivery (beneficiary_id, appointment_id, invitation_id, space_link_id, channel, purpose,
         status, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        delivery.beneficiaryId,
        delivery.appointmentId ?? null,
        delivery.invitationId ?? null,
        delivery.spaceLinkId ?? null,
        delivery.channel,
        delivery.purpose,
        delivery.status,
        delivery.status === 'failed' ? (delivery.error ?? 'failed') : null,
      ],
    );
  }

  override async deliveries(manager: EntityManager, beneficiaryId: string): Promise<DeliveryView[]> {
    const rows: Array<{
      channel: MessageChannel;
      purpose: MessagePurpose;
      status: 'sent' | 'failed';
      error: string | null;
      appointment_id: string | null;
      created_at: Date;
    }> = await manager.query(
      `SELECT channel, purpose, status, error, appointment_id, created_at FROM message_delivery
       WHERE beneficiary_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      channel: row.channel,
      purpose: row.purpose,
      status: row.status,
      error: row.error,
      appointmentId: row.appointment_id,
      at: row.created_at,
    }));
  }
}
