import { describe, expect, it } from '@jest/globals';
import { cleanPostalCode, departementOfPostalCode, isDepartementCode, parseLocation } from './location-parser.js';

describe('parseLocation', () => {
  it.each([
    ['59000 Lille', { name: 'Lille', postalCode: '59000', departement: null }],
    ['Lille 59800', { name: 'Lille', postalCode: '59800', departement: null }],
    ['Lille (59000)', { name: 'Lille', postalCode: '59000', departement: null }],
    ['59 000 Lille', { name: 'Lille', postalCode: '59000', departement: null }],
    ['Lille (59)', { name: 'Lille', postalCode: null, departement: '59' }],
    ['LILLE 59', { name: 'LILLE', postalCode: null, departement: '59' }],
    ['59 - LILLE', { name: 'LILLE', postalCode: null, departement: '59' }],
    ['Lille, 59', { name: 'Lille', postalCode: null, departement: '59' }],
    ['Ajaccio (2A)', { name: 'Ajaccio', postalCode: null, departement: '2A' }],
    ['2b - Bastia', { name: 'Bastia', postalCode: null, departement: '2B' }],
    ['Saint-Denis (974)', { name: 'Saint-Denis', postalCode: null, departement: '974' }],
    ['97400 Saint-Denis', { name: 'Saint-Denis', postalCode: '97400', departement: null }],
    ['Lille Cedex 9', { name: 'Lille', postalCode: null, departement: null }],
    ['59031 LILLE CEDEX', { name: 'LILLE', postalCode: '59031', departement: null }],
    ['Cateau-Cambrésis (Le)', { name: 'Le Cateau-Cambrésis', postalCode: null, departement: null }],
    ["Abergement-Clémenciat (L')", { name: "L'Abergement-Clémenciat", postalCode: null, departement: null }],
    ['Lille, Hauts-de-France', { name: 'Lille', postalCode: null, departement: null }],
    ['Lille - Nord (59)', { name: 'Lille', postalCode: null, departement: '59' }],
    ['Saint-Denis (La Réunion)', { name: 'Saint-Denis', postalCode: null, departement: null }],
    ['75 - Paris 15e Arrondissement', { name: 'Paris 15e Arrondissement', postalCode: null, departement: '75' }],
    ['Paris 15e', { name: 'Paris 15e', postalCode: null, departement: null }],
    ['Lyon 3', { name: 'Lyon 3', postalCode: null, departement: null }],
    ['59100', { name: null, postalCode: '59100', departement: null }],
    ['  ', { name: null, postalCode: null, departement: null }],
  ])('%s', (text, expected) => {
    expect(parseLocation(text)).toEqual(expected);
  });

  it('does not take a number that is no département for one', () => {
    expect(parseLocation('Trappes 99')).toEqual({ name: 'Trappes 99', postalCode: null, departement: null });
  });
});

describe('departementOfPostalCode', () => {
  it('takes two digits, three overseas, and splits Corsica', () => {
    expect(departementOfPostalCode('59000')).toBe('59');
    expect(departementOfPostalCode('01400')).toBe('01');
    expect(departementOfPostalCode('97400')).toBe('974');
    expect(departementOfPostalCode('20000')).toBe('2A');
    expect(departementOfPostalCode('20200')).toBe('2B');
    expect(departementOfPostalCode('5900')).toBeNull();
  });
});

describe('codes', () => {
  it('knows département codes', () => {
    for (const code of ['01', '59', '95', '2A', '2B', '20', '971', '976']) expect(isDepartementCode(code)).toBe(true);
    for (const code of ['00', '96', '99', '977', '2C', '5']) expect(isDepartementCode(code)).toBe(false);
  });

  it('cleans postal codes', () => {
    expect(cleanPostalCode(' 59 000 ')).toBe('59000');
    expect(cleanPostalCode('590')).toBeNull();
    expect(cleanPostalCode(undefined)).toBeNull();
  });
});
