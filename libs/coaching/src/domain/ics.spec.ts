import { describe, expect, it } from '@jest/globals';
import { calendarOf, escapeText, foldLine } from './ics.js';

describe('the agenda as iCalendar', () => {
  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds lines at 75 octets without splitting a character, continuations starting with a space', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });

  it('writes an event in UTC with CRLF line ends, the person by first name and initial', () => {
    const text = calendarOf(
      [
        {
          id: 'a1',
          kind: 'phone',
          title: null,
          place: null,
          startsAt: new Date('2026-12-03T13:00:00Z'),
          endsAt: new Date('2026-12-03T13:30:00Z'),
          cancelled: false,
          updatedAt: new Date('2026-12-01T08:00:00Z'),
          people: [{ firstName: 'Awa', lastName: 'Diallo' }],
        },
      ],
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(text).toContain('\r\nDTSTART:20261203T130000Z\r\n');
    expect(text).toContain('\r\nSUMMARY:Appel : Awa D.\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toContain('Diallo');
  });
});
