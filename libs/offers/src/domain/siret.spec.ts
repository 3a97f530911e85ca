import { describe, expect, it } from '@jest/globals';
import { isLuhnValid, isValidSiret } from './siret.js';

describe('SIRET check', () => {
  it('checks Luhn like INSEE does, for a SIREN as for a SIRET', () => {
    expect(isLuhnValid('73282932000074')).toBe(true);
    expect(isLuhnValid('73282932000075')).toBe(false);
    expect(isLuhnValid('732829320')).toBe(true);
    expect(isLuhnValid('12 34')).toBe(false);
  });

  it('accepts valid numbers and refuses a wrong checksum or length', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000001')).toBe(true); // La Poste: digit sum multiple of 5
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });
});
