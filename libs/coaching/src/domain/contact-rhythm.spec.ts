import { describe, expect, it } from '@jest/globals';
import { rhythmLabel, rhythmProblems, rhythmStatus } from './contact-rhythm.js';

const twoAWeek = { contacts: 2, periodDays: 7 };

describe('contact rhythm', () => {
  it('counts only the contacts of the last period, today included', () => {
    const status = rhythmStatus(twoAWeek, ['2026-03-01', '2026-03-04', '2026-03-10'], '2026-01-01', '2026-03-10');
    expect(status).toMatchObject({ held: 2, expected: 2, behind: false });
  });

  it('is behind with one contact of the two a week asks for', () => {
    const status = rhythmStatus(twoAWeek, ['2026-03-09', '2026-03-02'], '2026-01-01', '2026-03-10');
    expect(status).toMatchObject({ held: 1, expected: 2, behind: true });
  });

  it('expects a share in proportion over the first days: none over three days, one on the fourth', () => {
    expect(rhythmStatus(twoAWeek, [], '2026-03-08', '2026-03-10')).toMatchObject({ expected: 0, behind: false });
    expect(rhythmStatus(twoAWeek, [], '2026-03-07', '2026-03-10')).toMatchObject({ expected: 1, behind: true });
  });

  it('expects one contact every 15 days once the person has been followed 15 days', () => {
    const fortnight = { contacts: 1, periodDays: 15 };
    expect(rhythmStatus(fortnight, [], '2026-03-01', '2026-03-14').behind).toBe(false);
    expect(rhythmStatus(fortnight, [], '2026-03-01', '2026-03-15').behind).toBe(true);
    expect(rhythmStatus(fortnight, ['2026-03-01'], '2026-03-01', '2026-03-15').behind).toBe(false);
    expect(rhythmStatus(fortnight, ['2026-03-01'], '2026-03-01', '2026-03-16').behind).toBe(true);
  });

  it('refuses a setting of no contact, of a fraction, or over more than a quarter', () => {
    expect(rhythmProblems({ contacts: 0, periodDays: 7 }).map((p) => p.field)).toEqual(['contacts']);
    expect(rhythmProblems({ contacts: 1.5, periodDays: 93 }).map((p) => p.field)).toEqual(['contacts', 'periodDays']);
    expect(rhythmProblems({ contacts: 2, periodDays: 7 })).toEqual([]);
  });

  it('says the rhythm in French', () => {
    expect(rhythmLabel(twoAWeek)).toBe('2 contacts par semaine');
    expect(rhythmLabel({ contacts: 1, periodDays: 15 })).toBe('1 contact tous les 15 jours');
  });
});
