import type { ErrorDetail } from '@passerelle/core';
import type { EventKind } from './coaching.js';

/**
 * The coach's agenda. An individual appointment (in person, by phone, by video) is with one person;
 * a collective session (a workshop) has a title, a place, a capacity and its participants. Times are
 * instants (timestamptz); the calendar day they fall on is the Paris day.
 */
export const APPOINTMENT_KINDS = ['in_person', 'phone', 'video', 'collective'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const INDIVIDUAL_KINDS: readonly AppointmentKind[] = ['in_person', 'phone', 'video'];

export const ATTENDANCES = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** The longest appointment (a full-day workshop) and the most participants a session takes. */
export const MAX_APPOINTMENT_MINUTES = 12 * 60;
export const MAX_CAPACITY = 200;
/** The longest span the agenda reads at once (a week view, a month at most). */
export const MAX_AGENDA_DAYS = 42;

export interface NewAppointment {
  readonly kind: AppointmentKind;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly title?: string | null;
  readonly place?: string | null;
  readonly capacity?: number | null;
  readonly beneficiaryIds: readonly string[];
}

export interface AppointmentTimes {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The end after the start, within a day's length. */
export function timeProblems(times: AppointmentTimes): ErrorDetail[] {
  const minutes = (times.endsAt.getTime() - times.startsAt.getTime()) / 60_000;
  if (minutes <= 0) return [{ field: 'endsAt', reason: 'must be after startsAt' }];
  if (minutes > MAX_APPOINTMENT_MINUTES) return [{ field: 'endsAt', reason: 'at most 12 hours after startsAt' }];
  return [];
}

/**
 * An individual appointment has exactly one person and no title or capacity; a collective session
 * has a title, a place and a capacity its participants fit in. Nobody is listed twice.
 */
export function appointmentProblems(input: NewAppointment): ErrorDetail[] {
  const problems = timeProblems(input);
  const people = input.beneficiaryIds.length;
  if (new Set(input.beneficiaryIds).size !== people)
    problems.push({ field: 'beneficiaryIds', reason: 'lists a person twice' });
  if (input.kind === 'collective') {
    if (!input.title) problems.push({ field: 'title', reason: 'required for a collective session' });
    if (!input.place) problems.push({ field: 'place', reason: 'required for a collective session' });
    if (input.capacity === undefined || input.capacity === null)
      problems.push({ field: 'capacity', reason: 'required for a collective session' });
    else if (people > input.capacity)
      problems.push({ field: 'beneficiaryIds', reason: 'more people than the capacity' });
  } else {
    if (people !== 1)
      problems.push({ field: 'beneficiaryIds', reason: 'an individual appointment is with one person' });
    if (input.title) problems.push({ field: 'title', reason: 'collective sessions only' });
    if (input.capacity !== undefined && input.capacity !== null)
      problems.push({ field: 'capacity', reason: 'collective sessions only' });
  }
  return problems;
}

/** The journal contact an attended appointment becomes. */
export function journalKindOf(kind: AppointmentKind): EventKind {
  switch (kind) {
    case 'phone':
      return 'call';
    case 'collective':
      return 'workshop';
    case 'in_person':
    case 'video':
      return 'meeting';
  }
}

const KIND_WORDS: Record<AppointmentKind, string> = {
  in_person: 'Rendez-vous en présentiel',
  phone: 'Rendez-vous téléphonique',
  video: 'Rendez-vous en visio',
  collective: 'Atelier collectif',
};

/** Paris wall-clock time, `HH:MM`. */
export function parisTime(at: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** The journal note of an attended appointment, in French (what the coach reads in the journal). */
export function attendanceNote(appointment: { kind: AppointmentKind; title: string | null; startsAt: Date }): string {
  const what = appointment.title
    ? `${KIND_WORDS[appointment.kind]} « ${appointment.title} »`
    : KIND_WORDS[appointment.kind];
  return `${what} à ${parisTime(appointment.startsAt)} : présent·e.`;
}
