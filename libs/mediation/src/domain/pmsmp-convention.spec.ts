import { describe, expect, it } from '@jest/globals';
import {
  lastAllowedDay,
  pmsmpStatus,
  pmsmpTermsProblems,
  signatureProblems,
  type PmsmpTerms,
} from './pmsmp-convention.js';

const terms: PmsmpTerms = {
  startDate: '2026-03-09',
  endDate: '2026-03-20',
  weeklyHours: 35,
  schedule: '9 h – 17 h',
  workplace: 'Lille',
  tasks: ['Accueillir'],
  skillsToObserve: [],
  objective: 'discover_occupation',
  tutorName: 'Mme Durand',
  tutorRole: null,
  tutorPhone: null,
  tutorEmail: null,
};

describe('PMSMP convention rules', () => {
  it('allows one month at most, to the day before the same date (shorter months clamp)', () => {
    expect(lastAllowedDay('2026-03-09')).toBe('2026-04-08');
    expect(lastAllowedDay('2026-01-31')).toBe('2026-02-27');
    expect(lastAllowedDay('2026-12-15')).toBe('2027-01-14');
  });

  it('accepts valid terms and names each field at fault', () => {
    expect(pmsmpTermsProblems(terms)).toEqual([]);
    expect(pmsmpTermsProblems({ ...terms, endDate: '2026-04-09' })).toEqual([
      { field: 'endDate', reason: 'a PMSMP lasts at most one month (until 2026-04-08)' },
    ]);
    expect(
      pmsmpTermsProblems({ ...terms, endDate: '2026-03-01', weeklyHours: 49, tasks: [], tutorName: ' ' }).map(
        (problem) => problem.field,
      ),
    ).toEqual(['endDate', 'weeklyHours', 'tasks', 'tutorName']);
  });

  it('derives the status from the signatures', () => {
    expect(pmsmpStatus({ person: null, employer: null, prescriber: null })).toBe('draft');
    expect(pmsmpStatus({ person: '2026-03-01', employer: null, prescriber: null })).toBe('signing');
    expect(pmsmpStatus({ person: '2026-03-01', employer: '2026-03-02', prescriber: '2026-03-02' })).toBe('signed');
  });

  it('refuses a signature in the future or after the period, and accepts a withdrawal', () => {
    expect(signatureProblems(terms, '2026-03-05', '2026-03-04')).toEqual([
      { field: 'signedOn', reason: 'must not be in the future' },
    ]);
    expect(signatureProblems(terms, '2026-03-21', '2026-04-01')).toEqual([
      { field: 'signedOn', reason: 'after the end of the PMSMP' },
    ]);
    expect(signatureProblems(terms, null, '2026-03-04')).toEqual([]);
  });
});
