import { describe, expect, it } from '@jest/globals';
import { appointmentProblems, attendanceNote, journalKindOf } from './appointment.js';

const at = (iso: string) => new Date(iso);

describe('appointments', () => {
  it('takes an individual appointment with one person and a session with its title, place and capacity', () => {
    const times = { startsAt: at('2026-12-01T09:00:00Z'), endsAt: at('2026-12-01T10:00:00Z') };
    expect(appointmentProblems({ kind: 'phone', ...times, beneficiaryIds: ['a'] })).toEqual([]);
    expect(
      appointmentProblems({
        kind: 'collective',
        ...times,
        title: 'Atelier CV',
        place: 'Salle 2',
        capacity: 2,
        beneficiaryIds: ['a', 'b'],
      }),
    ).toEqual([]);
  });

  it('refuses more people than the capacity, a person twice and a session longer than 12 hours', () => {
    const problems = appointmentProblems({
      kind: 'collective',
      startsAt: at('2026-12-01T07:00:00Z'),
      endsAt: at('2026-12-01T19:30:00Z'),
      title: 'Atelier',
      place: 'Salle',
      capacity: 1,
      beneficiaryIds: ['a', 'a'],
    });
    expect(problems).toEqual([
      { field: 'endsAt', reason: 'at most 12 hours after startsAt' },
      { field: 'beneficiaryIds', reason: 'lists a person twice' },
      { field: 'beneficiaryIds', reason: 'more people than the capacity' },
    ]);
  });

  it('turns an attended appointment into the matching journal contact, with its Paris time in the note', () => {
    expect(journalKindOf('phone')).toBe('call');
    expect(journalKindOf('video')).toBe('meeting');
    expect(journalKindOf('collective')).toBe('workshop');
    expect(attendanceNote({ kind: 'collective', title: 'Atelier CV', startsAt: at('2026-12-01T09:00:00Z') })).toBe(
      'Atelier collectif « Atelier CV » à 10:00 : présent·e.',
    );
  });
});
