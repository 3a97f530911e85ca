import { describe, expect, it } from '@jest/globals';
import { demoSiret, formatSiret, isLuhnValid } from './siret.js';

describe('demo SIRET', () => {
  it('checks Luhn like INSEE does', () => {
    expect(isLuhnValid('73282932000074')).toBe(true);
    expect(isLuhnValid('73282932000075')).toBe(false);
    expect(isLuhnValid('732829320')).toBe(true);
    expect(isLuhnValid('12 34')).toBe(false);
  });

  it('gives every employer a 14-digit SIRET whose SIREN and whole number pass Luhn', () => {
    for (const name of ['Propreté du Hainaut', 'EHPAD Les Tilleuls', 'Boulangerie Muller', 'Ville de Lens']) {
      const siret = demoSiret(name);
      expect(siret).toMatch(/^\d{14}$/);
      expect(isLuhnValid(siret)).toBe(true);
      expect(isLuhnValid(siret.slice(0, 9))).toBe(true);
    }
  });

  it('keeps one SIRET per employer, different from another employer’s', () => {
    expect(demoSiret('Propreté du Hainaut')).toBe(demoSiret('Propreté du Hainaut'));
    expect(demoSiret('Propreté du Hainaut')).not.toBe(demoSiret('Lys Propreté'));
  });

  it('prints it in groups, as French sites do', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
  });
});
