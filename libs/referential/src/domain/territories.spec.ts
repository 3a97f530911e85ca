import { describe, expect, it } from '@jest/globals';
import { DEPARTEMENTS, REGIONS, resolveAbroad, resolveArea } from './territories.js';

describe('resolveArea', () => {
  // Wordings of real France Travail offers that give no commune (../shared/data/francetravail-dev).
  it.each([
    ['62 - Pas-de-Calais', 'departement', '62', '32', 'Pas-de-Calais (62)'],
    ['75 - Paris (Dept.)', 'departement', '75', '11', 'Paris (75)'],
    ['972 - Martinique', 'departement', '972', '02', 'Martinique (972)'],
    ['74 - Savoie (Haute)', 'departement', '74', '84', 'Haute-Savoie (74)'],
    ['92 - Hauts de Seine', 'departement', '92', '11', 'Hauts-de-Seine (92)'],
    ['37 - sur le département 37', 'departement', '37', '24', 'Indre-et-Loire (37)'],
    ['75', 'departement', '75', '11', 'Paris (75)'],
    ['Nord (59)', 'departement', '59', '32', 'Nord (59)'],
    ['Bas-Rhin', 'departement', '67', '44', 'Bas-Rhin (67)'],
    ['Nouvelle-Aquitaine', 'region', null, '75', 'Nouvelle-Aquitaine'],
    ['Ile de France', 'region', null, '11', 'Île-de-France'],
    ['Alsace', 'region', null, '44', 'Grand Est'],
    ['France', 'country', null, null, 'France'],
    ['FRANCE ENTIERE', 'country', null, null, 'France'],
  ])('reads %s as an area', (text, precision, departement, region, label) => {
    expect(resolveArea(text)).toEqual({ precision, departement, region, label });
  });

  it.each(['59 - LILLE', 'Lille (59)', '59000 Lille', 'Strasbourg', '99 - Atlantis', '', 'Lille, Hauts-de-France'])(
    'leaves %j to the communes (no area named alone)',
    (text) => {
      expect(resolveArea(text)).toBeNull();
    },
  );

  it.each(['Principauté de Monaco', 'Luxembourg (Frontalier)', 'Québec Canada'])('reads %s as abroad', (text) => {
    expect(resolveAbroad(text)).toEqual({ precision: 'abroad', departement: null, region: null, label: text });
  });

  it.each(['Lille', 'France', 'Belfort'])('does not read %s as abroad', (text) => {
    expect(resolveAbroad(text)).toBeNull();
  });

  it('knows the 101 départements, each in one of the 18 regions', () => {
    expect(Object.keys(DEPARTEMENTS)).toHaveLength(101);
    expect(Object.keys(REGIONS)).toHaveLength(18);
    for (const [, region] of Object.values(DEPARTEMENTS)) expect(REGIONS[region]).toBeDefined();
  });
});
