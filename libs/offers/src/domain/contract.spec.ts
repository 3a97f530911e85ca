import { describe, expect, it } from '@jest/globals';
import { parseContractType, parseDurationMonths, parseWorkingTime } from './contract.js';

describe('contract normalisation', () => {
  it.each([
    ['CDI', 'cdi'],
    ['Contrat à durée indéterminée', 'cdi'],
    ['CDD - 6 Mois', 'cdd'],
    ['MIS', 'interim'],
    ['Mission intérimaire - 3 Mois', 'interim'],
    ["Contrat d'apprentissage", 'alternance'],
    ['Contrat de professionnalisation', 'alternance'],
    ['CDD saisonnier', 'saisonnier'],
    ['Profession libérale', 'independant'],
    ['PMSMP', 'pmsmp'],
    ['Bénévolat', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(parseContractType(text)).toBe(expected);
  });

  it.each([
    ['CDD - 6 Mois', 6],
    ['12 mois', 12],
    ['3 semaines', 0.7],
    ['1 an', 12],
    ['Contrat à durée indéterminée', null],
  ])('duration of %s', (text, months) => {
    expect(parseDurationMonths(text)).toBe(months);
  });

  it.each([
    ['Temps plein', undefined, { workingTime: 'full_time', weeklyHours: null }],
    ['35H/semaine', undefined, { workingTime: 'full_time', weeklyHours: 35 }],
    ['Temps partiel - 24h', undefined, { workingTime: 'part_time', weeklyHours: 24 }],
    ['24H Horaires normaux', undefined, { workingTime: 'part_time', weeklyHours: 24 }],
    ['Temps partiel', '28', { workingTime: 'part_time', weeklyHours: 28 }],
    ['35H30/semaine', undefined, { workingTime: 'full_time', weeklyHours: 35.5 }],
    [undefined, undefined, { workingTime: 'unknown', weeklyHours: null }],
  ])('working time %s / %s', (text, hours, expected) => {
    expect(parseWorkingTime(text, hours)).toEqual(expected);
  });
});
