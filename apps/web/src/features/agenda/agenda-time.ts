import type { AppointmentResponse } from '../../api/types';

/**
 * The agenda's words and times. Coaches plan in Paris time whatever the device's zone, so a day and an
 * hour typed in the form are read as Paris wall-clock time, and every time shown is Paris time.
 */
export const APPOINTMENT_KIND_OPTIONS = [
  { id: 'in_person', label: 'Individuel, en présentiel' },
  { id: 'phone', label: 'Individuel, par téléphone' },
  { id: 'video', label: 'Individuel, en visio' },
  { id: 'collective', label: 'Atelier collectif' },
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KIND_OPTIONS)[number]['id'];

export const APPOINTMENT_KIND_LABELS: Record<string, string> = {
  in_person: 'Présentiel',
  phone: 'Téléphone',
  video: 'Visio',
  collective: 'Atelier collectif',
};

export const ATTENDANCE_OPTIONS = [
  { id: 'present', label: 'Présent·e' },
  { id: 'absent', label: 'Absent·e' },
  { id: 'excused', label: 'Excusé·e' },
] as const;
export type Attendance = (typeof ATTENDANCE_OPTIONS)[number]['id'];
export const ATTENDANCE_LABELS: Record<string, string> = Object.fromEntries(
  ATTENDANCE_OPTIONS.map((option) => [option.id, option.label]),
);

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris's offset from UTC at an instant, in milliseconds (1 or 2 hours). */
function parisOffset(at: number): number {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - (at - (at % 1000));
}

/** The instant of a Paris wall-clock day and time (`2026-12-03`, `14:30`). */
export function parisInstant(day: string, time = '00:00'): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  const first = guess - parisOffset(guess);
  // Across a change of time the offset of the result may differ from the guess's: take the result's.
  return new Date(guess - parisOffset(first));
}

/** `YYYY-MM-DD` plus days (calendar arithmetic, no zone). */
export function plusDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The Monday of a day's week. */
export function mondayOf(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return plusDays(day, -weekday);
}

/** The Paris day of an instant, `YYYY-MM-DD`. */
export function parisDay(at: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(at));
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** `09:30`, Paris time. */
export const formatTime = (at: string | Date): string => TIME.format(new Date(at));

/** `mardi 3 décembre` for a `YYYY-MM-DD` day. */
export const formatDay = (day: string): string => DAY.format(new Date(`${day}T12:00:00Z`));

/** What an appointment is, in a few words: the workshop's title, else its kind. */
export function appointmentTitle(appointment: AppointmentResponse): string {
  return (
    appointment.title ?? `Rendez-vous ${(APPOINTMENT_KIND_LABELS[appointment.kind] ?? appointment.kind).toLowerCase()}`
  );
}

export const personName = (person: { firstName: string | null; lastName: string | null }): string =>
  person.firstName || person.lastName
    ? `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim()
    : 'Personne effacée';
