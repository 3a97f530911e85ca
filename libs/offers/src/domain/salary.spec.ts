import { describe, expect, it } from '@jest/globals';
import { parseSalary } from './salary.js';

describe('parseSalary', () => {
  it.each([
    ['1 801,80 € brut mensuel', { min: 1801.8, max: 1801.8, period: 'month' }],
    ['Horaire de 11,88 Euros sur 12 mois', { min: 11.88, max: 11.88, period: 'hour' }],
    ['Mensuel de 1900.00 Euros à 2100.00 Euros sur 12 mois', { min: 1900, max: 2100, period: 'month' }],
    ['Annuel de 24000.0 Euros à 26000.0 Euros sur 13 mois', { min: 24000, max: 26000, period: 'year' }],
    ['25 à 28 k€ annuels', { min: 25000, max: 28000, period: 'year' }],
    ['12,50 €/h', { min: 12.5, max: 12.5, period: 'hour' }],
    ['1.850 € par mois + 13e mois', { min: 1850, max: 1850, period: 'month' }],
    ['SMIC', null],
    ['Selon profil', null],
    [undefined, null],
  ])('%s', (text, expected) => {
    expect(parseSalary(text)).toEqual(expected);
  });
});
