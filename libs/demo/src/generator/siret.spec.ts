import { describe, expect, it } from '@jest/globals';
import { isLuhnValid } from '@passerelle/offers';
import { demoSiret, formatSiret } from './siret.js';

describe('demo SIRET', () => {
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
