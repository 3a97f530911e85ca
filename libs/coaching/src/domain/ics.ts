import type { AppointmentKind } from './appointment.js';

/**
 * The coach's agenda as iCalendar (RFC 5545): CRLF line ends, text values escaped (backslash,
 * semicolon, comma, newline), lines folded at 75 octets without splitting a UTF-8 character, times
 * in UTC. An event says when, where and with whom (first name and initial); never a person's
 * status in the programme, their benefits or health.
 */
export interface FeedEvent {
  readonly id: string;
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly cancelled: boolean;
  readonly updatedAt: Date;
  readonly people: ReadonlyArray<{ firstName: string | null; lastName: string | null }>;
}

const KIND_WORDS: Record<AppointmentKind, string> = {
  in_person: 'Rendez-vous',
  phone: 'Appel',
  video: 'Visio',
  collective: 'Atelier',
};

/** TEXT values: `\` `;` `,` escaped, newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets: each continuation starts with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20261203T130000Z`. */
export function icsTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const shortName = (person: { firstName: string | null; lastName: string | null }): string =>
  person.firstName || person.lastName
    ? `${person.firstName ?? ''}${person.lastName ? ` ${person.lastName.charAt(0)}.` : ''}`.trim()
    : 'personne effacée';

export function summaryOf(event: FeedEvent): string {
  if (event.kind === 'collective') return `${KIND_WORDS.collective} : ${event.title ?? ''}`.trim();
  return `${KIND_WORDS[event.kind]} : ${event.people.map(shortName).join(', ') || '—'}`;
}

export function calendarOf(events: readonly FeedEvent[], now: Date, host = 'passerelle'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Agenda//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Passerelle — agenda')}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${host}`,
      `DTSTAMP:${icsTime(now)}`,
      `LAST-MODIFIED:${icsTime(event.updatedAt)}`,
      `DTSTART:${icsTime(event.startsAt)}`,
      `DTEND:${icsTime(event.endsAt)}`,
      `SUMMARY:${escapeText(summaryOf(event))}`,
      ...(event.place ? [`LOCATION:${escapeText(event.place)}`] : []),
      ...(event.kind === 'collective' && event.people.length > 0
        ? [`DESCRIPTION:${escapeText(`${event.people.length} participant·es`)}`]
        : []),
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
