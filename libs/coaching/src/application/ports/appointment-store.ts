import type { EntityManager } from 'typeorm';
import type { AppointmentKind, AppointmentTimes, Attendance, NewAppointment } from '../../domain/appointment.js';

export interface ParticipantView {
  readonly beneficiaryId: string;
  /** The person's structure (the audit row's). */
  readonly structureId: string;
  /** Null once the person's file is erased. */
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly attendance: Attendance | null;
  /** The journal contact an attendance of `present` became. */
  readonly journalEventId: string | null;
  /** The person confirmed they will come, in their space. */
  readonly confirmedAt: Date | null;
  /** The person asked to move it, in their space, with their message. */
  readonly moveRequestedAt: Date | null;
  readonly moveRequest: string | null;
}

export interface AppointmentView {
  readonly id: string;
  readonly coachUserId: string;
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly place: string | null;
  readonly capacity: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly cancelledAt: Date | null;
  readonly participants: ParticipantView[];
}

export interface LockedAppointment {
  readonly id: string;
  readonly coachUserId: string;
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly capacity: number | null;
  readonly startsAt: Date;
  readonly cancelled: boolean;
  readonly participants: number;
}

export interface ParticipationRow {
  readonly attendance: Attendance | null;
  readonly journalEventId: string | null;
}

/** Someone to remind of an appointment, or to tell it moved: the appointment and their contact details. */
export interface MessageTarget {
  readonly appointmentId: string;
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly beneficiaryId: string;
  readonly firstName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** The coaches' appointments and who takes part (`appointment`, `appointment_participant`). */
export abstract class AppointmentStore {
  abstract insert(manager: EntityManager, coachUserId: string, input: NewAppointment): Promise<string>;

  abstract addParticipant(manager: EntityManager, appointmentId: string, beneficiaryId: string): Promise<boolean>;

  /** The coach's appointment, locked until the transaction ends, or null (another coach's is null too). */
  abstract lock(manager: EntityManager, coachUserId: string, appointmentId: string): Promise<LockedAppointment | null>;

  abstract participation(
    manager: EntityManager,
    appointmentId: string,
    beneficiaryId: string,
  ): Promise<ParticipationRow | null>;

  abstract recordAttendance(
    manager: EntityManager,
    appointmentId: string,
    beneficiaryId: string,
    attendance: Attendance,
    userId: string,
    journalEventId: string | null,
  ): Promise<void>;

  abstract move(
    manager: EntityManager,
    appointmentId: string,
    times: AppointmentTimes,
    place: string | null,
  ): Promise<void>;

  abstract cancel(manager: EntityManager, appointmentId: string): Promise<void>;

  /** One appointment with all its participants. */
  abstract one(manager: EntityManager, appointmentId: string): Promise<AppointmentView>;

  /** The coach's appointments starting in [from, to), with their participants, by start. */
  abstract agenda(manager: EntityManager, coachUserId: string, from: Date, to: Date): Promise<AppointmentView[]>;

  /**
   * The participants to remind at `now`: appointments not cancelled, not started, whose reminder is
   * due (10:00 Paris the day before), for people not erased with no attendance recorded and no
   * reminder recorded since the appointment last moved.
   */
  abstract dueReminders(manager: EntityManager, now: Date): Promise<MessageTarget[]>;

  /**
   * Runs `work` holding the reminders' sweep lock (one sweep at a time across the workers: two at
   * once would remind twice); null without running it when another sweep holds the lock.
   */
  abstract whileSweeping<T>(work: () => Promise<T>): Promise<T | null>;

  /** The participants of one appointment (erased people left out), to tell them it moved. */
  abstract messageTargets(manager: EntityManager, appointmentId: string): Promise<MessageTarget[]>;

  /** The person's appointments, each with this person's participation only, latest first. */
  abstract ofBeneficiary(manager: EntityManager, beneficiaryId: string): Promise<AppointmentView[]>;
}
