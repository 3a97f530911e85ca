import { describe, expect, it } from '@jest/globals';
import { requirementSkills } from './requirement-skills.js';

const CLEANING = [
  { code: '1', label: 'Nettoyer les surfaces et les espaces communs' },
  { code: '2', label: 'Utilisation d’autolaveuses' },
  { code: '3', label: 'Faire preuve de rigueur et de précision' },
  { code: '4', label: 'Doser des produits d’entretien' },
];

describe('the skills a job analysis gives its offer', () => {
  it('words a requirement as the occupation’s ROME skill when it names most of its words', () => {
    expect(requirementSkills(['autolaveuse', 'doser les produits'], CLEANING, () => null)).toEqual([
      'Utilisation d’autolaveuses',
      'Doser des produits d’entretien',
    ]);
  });

  it('takes the same wording, accents and case aside, from the occupation or the whole referential', () => {
    const elsewhere = { code: '9', label: 'Conduire un chariot élévateur' };
    expect(
      requirementSkills(
        ['FAIRE PREUVE DE RIGUEUR ET DE PRECISION', 'conduire un chariot elevateur'],
        CLEANING,
        (line) => (line === 'conduire un chariot elevateur' ? elsewhere : null),
      ),
    ).toEqual(['Faire preuve de rigueur et de précision', 'Conduire un chariot élévateur']);
  });

  it('keeps a line the referential does not word as written, each label once and blank lines out', () => {
    expect(
      requirementSkills(['Sens du travail bien fait', ' ', 'autolaveuse', 'Autolaveuse'], CLEANING, () => null),
    ).toEqual(['Sens du travail bien fait', 'Utilisation d’autolaveuses']);
  });

  it('does not take one shared word of a long sentence for the skill', () => {
    expect(requirementSkills(['Nettoyer les vitres en hauteur sur nacelle'], CLEANING, () => null)).toEqual([
      'Nettoyer les vitres en hauteur sur nacelle',
    ]);
  });
});
