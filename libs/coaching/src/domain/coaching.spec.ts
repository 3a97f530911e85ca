import { describe, expect, it } from '@jest/globals';
import { addMonths, daysBetween, parisToday, portfolioAlerts, stageLabel } from './coaching.js';

const today = '2026-11-25';
const active = { status: 'in_coaching' as const, followedSince: '2026-09-01', openCerEndDate: null };

describe('portfolio alerts at their boundaries', () => {
  it('raises no-contact at 14 days without contact, not at 13', () => {
    expect(portfolioAlerts({ ...active, lastContactOn: '2026-11-12' }, today)).toEqual([]);
    expect(portfolioAlerts({ ...active, lastContactOn: '2026-11-11' }, today)).toEqual(['no_contact']);
  });

  it('counts from the start of the follow-up when nobody was ever contacted', () => {
    expect(portfolioAlerts({ ...active, lastContactOn: null, followedSince: '2026-11-12' }, today)).toEqual([]);
    expect(portfolioAlerts({ ...active, lastContactOn: null, followedSince: '2026-11-11' }, today)).toEqual([
      'no_contact',
    ]);
  });

  it('raises cer-ending when the open CER ends within 15 days, not 16, and when it is overdue', () => {
    const contacted = { ...active, lastContactOn: today };
    expect(portfolioAlerts({ ...contacted, openCerEndDate: '2026-12-11' }, today)).toEqual([]);
    expect(portfolioAlerts({ ...contacted, openCerEndDate: '2026-12-10' }, today)).toEqual(['cer_ending']);
    expect(portfolioAlerts({ ...contacted, openCerEndDate: '2026-11-20' }, today)).toEqual(['cer_ending']);
  });

  it('raises nothing for people whose coaching ended', () => {
    expect(
      portfolioAlerts(
        { status: 'ended', lastContactOn: null, followedSince: '2020-01-01', openCerEndDate: null },
        today,
      ),
    ).toEqual([]);
  });
});

describe('calendar helpers', () => {
  it('adds months with the end of month clamped', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', 3)).toBe('2027-02-25');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('counts days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('takes the Paris calendar day, not the server one', () => {
    expect(parisToday(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
  });

  it('shows the CER month', () => {
    expect(stageLabel('in_coaching', { start: '2026-10-01', end: '2027-01-01' }, '2026-11-25')).toBe('CER mois 2/3');
  });
});
