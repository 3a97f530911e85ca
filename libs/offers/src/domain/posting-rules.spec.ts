import { describe, expect, it } from '@jest/globals';
import { postingProblems } from './posting-rules.js';
import { isValidSiret } from './siret.js';

describe('manual posting rules', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('accepts a SIRET with a valid check key and refuses one without', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000001')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(postingProblems({ employerSiret: '73282932000075' }, now)).toEqual([
      { field: 'employerSiret', reason: 'not a valid SIRET (14 digits, checksum)' },
    ]);
    expect(postingProblems({ employerSiret: '732 829 320 00074' }, now)).toEqual([]);
  });

  it('refuses an expiry date before today in Paris, accepts today and later, and names a non-date', () => {
    expect(postingProblems({ expiresAt: '2026-12-02' }, now)).toEqual([
      { field: 'expiresAt', reason: 'is in the past' },
    ]);
    expect(postingProblems({ expiresAt: '2026-12-03' }, now)).toEqual([]);
    expect(postingProblems({ expiresAt: '2027-01-15' }, now)).toEqual([]);
    expect(postingProblems({ expiresAt: 'bientôt' }, now)).toEqual([
      { field: 'expiresAt', reason: 'must be a date YYYY-MM-DD' },
    ]);
  });
});
