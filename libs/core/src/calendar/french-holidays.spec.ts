import { describe, expect, it } from '@jest/globals';
import {
  departementOfInsee,
  easterSunday,
  frenchPublicHolidays,
  isFrenchWorkingDay,
  workingDaysAfter,
} from './french-holidays.js';

/** An instant given in Paris wall-clock time (winter +01:00, summer +02:00 as written). */
const paris = (local: string): Date => new Date(local);

describe('French public holidays', () => {
  it('computes Easter Sunday on known dates, including the earliest and latest possible', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the eleven national holidays of 2026, the moving ones from Easter', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06', // Easter Monday
      '2026-05-01',
      '2026-05-08',
      '2026-05-14', // Ascension
      '2026-05-25', // Whit Monday
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(frenchPublicHolidays(2027)).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
  });

  it('adds Good Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin only', () => {
    for (const departement of ['57', '67', '68']) {
      const days = frenchPublicHolidays(2026, departement);
      expect(days).toHaveLength(13);
      expect(days).toContain('2026-04-03');
      expect(days).toContain('2026-12-26');
    }
    for (const departement of ['59', '75', '54', null, undefined]) {
      expect(frenchPublicHolidays(2026, departement)).toHaveLength(11);
      expect(frenchPublicHolidays(2026, departement)).not.toContain('2026-04-03');
    }
  });

  it('tells a working day from a weekend or a holiday', () => {
    expect(isFrenchWorkingDay('2026-05-25')).toBe(false); // Whit Monday
    expect(isFrenchWorkingDay('2026-05-26')).toBe(true);
    expect(isFrenchWorkingDay('2026-05-23')).toBe(false); // Saturday
    expect(isFrenchWorkingDay('2026-04-03')).toBe(true); // Good Friday, national
    expect(isFrenchWorkingDay('2026-04-03', '67')).toBe(false);
  });

  it('takes a commune’s département from its INSEE code', () => {
    expect(departementOfInsee('67482')).toBe('67');
    expect(departementOfInsee('59350')).toBe('59');
    expect(departementOfInsee('2A004')).toBe('2A');
    expect(departementOfInsee('97411')).toBe('974');
  });
});

describe('workingDaysAfter', () => {
  it('skips the weekend: three working days after a Friday is the next Wednesday, same time', () => {
    expect(workingDaysAfter(paris('2026-11-27T10:00:00+01:00'), 3)).toEqual(paris('2026-12-02T10:00:00+01:00'));
  });

  it('skips Easter Monday everywhere and Good Friday in Alsace-Moselle', () => {
    const thursday = paris('2026-04-02T09:00:00+02:00');
    expect(workingDaysAfter(thursday, 2)).toEqual(paris('2026-04-07T09:00:00+02:00'));
    expect(workingDaysAfter(thursday, 2, '67')).toEqual(paris('2026-04-08T09:00:00+02:00'));
  });

  it('skips Ascension and Whit Monday', () => {
    expect(workingDaysAfter(paris('2026-05-13T15:00:00+02:00'), 1)).toEqual(paris('2026-05-15T15:00:00+02:00'));
    expect(workingDaysAfter(paris('2026-05-22T15:00:00+02:00'), 1)).toEqual(paris('2026-05-26T15:00:00+02:00'));
  });

  it('skips Christmas, and 26 December in Alsace-Moselle only', () => {
    const christmasEve = paris('2025-12-24T10:00:00+01:00');
    expect(workingDaysAfter(christmasEve, 1)).toEqual(paris('2025-12-26T10:00:00+01:00'));
    expect(workingDaysAfter(christmasEve, 1, '68')).toEqual(paris('2025-12-29T10:00:00+01:00'));
  });

  it('counts Paris calendar days across a change of hour (late evening before the autumn change)', () => {
    // 23:30 on Saturday 24 October 2026; the clocks go back that night. One working day on: Monday.
    const at = workingDaysAfter(paris('2026-10-24T23:30:00+02:00'), 1);
    expect(at.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })).toBe('2026-10-26');
  });
});
