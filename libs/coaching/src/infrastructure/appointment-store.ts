import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppointmentKind, AppointmentTimes, Attendance, NewAppointment } from '../domain/appointment.js';
import {
  AppointmentStore,
  type AppointmentView,
  type LockedAppointment,
  type MessageTarget,
  type ParticipantView,
  type ParticipationRow,
} from '../application/ports/appointment-store.js';

interface AppointmentRow {
  id: string;
  coach_user_id: string;
  kind: AppointmentKind;
  title: string | null;
  place: string | null;
  capacity: number | null;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
}

interface ParticipantRow {
  appointment_id: string;
  beneficiary_id: string;
  structure_id: string;
  first_name: string | null;
  last_name: string | null;
  attendance: Attendance | null;
  journal_event_id: string | null;
  confirmed_at: Date | null;
  move_requested_at: Date | null;
  move_request: string | null;
}

const PARTICIPANTS = `
  SELECT p.appointment_id, p.beneficiary_id, b.structure_id, b.first_name, b.last_name, p.attendance, p.journal_event_id,
    p.confirmed_at, p.move_requested_at, p.move_request
  FROM appointment_participant p JOIN beneficiary b ON b.id = p.beneficiary_id`;

const SWEEP_LOCK = 'appointment-reminders';

interface TargetRow {
  id: string;
  kind: AppointmentKind;
  title: string | null;
  place: string | null;
  starts_at: Date;
  beneficiary_id: string;
  first_name: string | null;
  email: string | null;
  phone: string | null;
}

const TARGETS = `
  SELECT a.id, a.kind, a.title, a.place, a.starts_at, b.id AS beneficiary_id, b.first_name, b.email, b.phone
  FROM appointment a
  JOIN appointment_participant p ON p.appointment_id = a.id
  JOIN beneficiary b ON b.id = p.beneficiary_id AND b.erased_at IS NULL`;

const toTarget = (row: TargetRow): MessageTarget => ({
  appointmentId: row.id,
  kind: row.kind,
  title: row.title,
  place: row.place,
  startsAt: row.starts_at,
  beneficiaryId: row.beneficiary_id,
  firstName: row.first_name,
  email: row.email,
  phone: row.phone,
});

/** Appointments on PostgreSQL: the rows, and their participants with the names from the files. */
@Injectable()
export class SqlAppointmentStore extends AppointmentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /** A session-level advisory lock on its own connection, released whatever `work` does. */
  override async whileSweeping<T>(work: () => Promise<T>): Promise<T | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [SWEEP_LOCK])) as Array<{
        locked: boolean;
      }>;
      if (!rows[0].locked) return null;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [SWEEP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  override async insert(manager: EntityManager, coachUserId: string, input: NewAppointment): Promise<string> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO appointment (coach_user_id, kind, title, place, capacity, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        coachUserId,
        input.kind,
        input.title ?? null,
        input.place ?? null,
        input.capacity ?? null,
        input.startsAt,
        input.endsAt,
      ],
    );
    return inserted[0].id;
  }

  override async addParticipant(
    manager: EntityManager,
    appointmentId: string,
    beneficiaryId: string,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO appointment_participant (appointment_id, beneficiary_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING appointment_id`,
      [appointmentId, beneficiaryId],
    );
    return inserted.length > 0;
  }

  override async lock(
    manager: EntityManager,
    coachUserId: string,
    appointmentId: string,
  ): Promise<LockedAppointment | null> {
    const rows: Array<AppointmentRow & { participants: number }> = await manager.query(
      `SELECT a.*, (SELECT count(*)::int FROM appointment_participant p WHERE p.appointment_id = a.id) AS participants
       FROM appointment a WHERE a.id = $1 AND a.coach_user_id = $2 FOR UPDATE`,
      [appointmentId, coachUserId],
    );
    const row = rows.at(0);
    if (!row) return null;
    return {
      id: row.id,
      coachUserId: row.coach_user_id,
      kind: row.kind,
      title: row.title,
      capacity: row.capacity,
      startsAt: row.starts_at,
      cancelled: row.cancelled_at !== null,
      participants: row.participants,
    };
  }

  override async participation(
    manager: EntityManager,
    appointmentId: string,
    beneficiaryId: string,
  ): Promise<ParticipationRow | null> {
    const rows: Array<{ attendance: Attendance | null; journal_event_id: string | null }> = await manager.query(
      `SELECT attendance, journal_event_id FROM appointment_participant
       WHERE appointment_id = $1 AND beneficiary_id = $2 FOR UPDATE`,
      [appointmentId, beneficiaryId],
    );
    const row = rows.at(0);
    return row ? { attendance: row.attendance, journalEventId: row.journal_event_id } : null;
  }

  override async recordAttendance(
    manager: EntityManager,
    appointmentId: string,
    beneficiaryId: string,
    attendance: Attendance,
    userId: string,
    journalEventId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE appointment_participant
       SET attendance = $3, attendance_recorded_at = now(), attendance_recorded_by = $4, journal_event_id = $5
       WHERE appointment_id = $1 AND beneficiary_id = $2`,
      [appointmentId, beneficiaryId, attendance, userId, journalEventId],
    );
  }

  override async move(
    manager: EntityManager,
    appointmentId: string,
    times: AppointmentTimes,
    place: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE appointment SET starts_at = $2, ends_at = $3, place = coalesce($4, place), updated_at = now()
       WHERE id = $1`,
      [appointmentId, times.startsAt, times.endsAt, place],
    );
  }

  override async cancel(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.query('UPDATE appointment SET cancelled_at = now(), updated_at = now() WHERE id = $1', [
      appointmentId,
    ]);
  }

  override async one(manager: EntityManager, appointmentId: string): Promise<AppointmentView> {
    const rows: AppointmentRow[] = await manager.query('SELECT * FROM appointment WHERE id = $1', [appointmentId]);
    const participants: ParticipantRow[] = await manager.query(
      `${PARTICIPANTS} WHERE p.appointment_id = $1 ORDER BY b.last_name, b.first_name`,
      [appointmentId],
    );
    return toView(rows[0], participants);
  }

  override async agenda(manager: EntityManager, coachUserId: string, from: Date, to: Date): Promise<AppointmentView[]> {
    const rows: AppointmentRow[] = await manager.query(
      `SELECT * FROM appointment WHERE coach_user_id = $1 AND starts_at >= $2 AND starts_at < $3
       ORDER BY starts_at, id`,
      [coachUserId, from, to],
    );
    if (rows.length === 0) return [];
    const participants: ParticipantRow[] = await manager.query(
      `${PARTICIPANTS} WHERE p.appointment_id = ANY($1::uuid[]) ORDER BY b.last_name, b.first_name`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) =>
      toView(
        row,
        participants.filter((participant) => participant.appointment_id === row.id),
      ),
    );
  }

  override async dueReminders(manager: EntityManager, now: Date): Promise<MessageTarget[]> {
    const rows: TargetRow[] = await manager.query(
      `${TARGETS}
       WHERE a.cancelled_at IS NULL AND a.starts_at > $1 AND a.starts_at <= $1 + interval '2 days'
         AND ((date_trunc('day', a.starts_at AT TIME ZONE 'Europe/Paris') - interval '14 hours')
               AT TIME ZONE 'Europe/Paris') <= $1
         AND p.attendance IS NULL
         AND NOT EXISTS (SELECT 1 FROM message_delivery m WHERE m.appointment_id = a.id
           AND m.beneficiary_id = p.beneficiary_id AND m.purpose = 'reminder' AND m.created_at >= a.updated_at)
       ORDER BY a.starts_at, a.id LIMIT 500`,
      [now],
    );
    return rows.map(toTarget);
  }

  override async messageTargets(manager: EntityManager, appointmentId: string): Promise<MessageTarget[]> {
    const rows: TargetRow[] = await manager.query(`${TARGETS} WHERE a.id = $1`, [appointmentId]);
    return rows.map(toTarget);
  }

  override async ofBeneficiary(manager: EntityManager, beneficiaryId: string): Promise<AppointmentView[]> {
    const rows: Array<AppointmentRow & ParticipantRow> = await manager.query(
      `SELECT a.*, p.appointment_id, p.beneficiary_id, b.structure_id, b.first_name, b.last_name, p.attendance, p.journal_event_id,
         p.confirmed_at, p.move_requested_at, p.move_request
       FROM appointment a
       JOIN appointment_participant p ON p.appointment_id = a.id
       JOIN beneficiary b ON b.id = p.beneficiary_id
       WHERE p.beneficiary_id = $1 ORDER BY a.starts_at DESC, a.id`,
      [beneficiaryId],
    );
    return rows.map((row) => toView(row, [row]));
  }
}

function toView(row: AppointmentRow, participants: ParticipantRow[]): AppointmentView {
  return {
    id: row.id,
    coachUserId: row.coach_user_id,
    kind: row.kind,
    title: row.title,
    place: row.place,
    capacity: row.capacity,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    cancelledAt: row.cancelled_at,
    participants: participants.map((participant): ParticipantView => ({
      beneficiaryId: participant.beneficiary_id,
      structureId: participant.structure_id,
      firstName: participant.first_name,
      lastName: participant.last_name,
      attendance: participant.attendance,
      journalEventId: participant.journal_event_id,
      confirmedAt: participant.confirmed_at,
      moveRequestedAt: participant.move_requested_at,
      moveRequest: participant.move_request,
    })),
  };
}
