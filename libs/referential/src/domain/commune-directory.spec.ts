import { describe, expect, it } from '@jest/globals';
import { CommuneDirectory } from './commune-directory.js';
import type { CommuneRow } from './referential-rows.js';

function commune(row: Partial<CommuneRow> & Pick<CommuneRow, 'inseeCode' | 'name' | 'postalCode'>): CommuneRow {
  return {
    nameWithArticle: row.name,
    kind: 'commune',
    parentInseeCode: null,
    departement: row.inseeCode.startsWith('97') ? row.inseeCode.slice(0, 3) : row.inseeCode.slice(0, 2),
    region: '32',
    lat: 50,
    lng: 3,
    population: 1_000,
    ...row,
  };
}

const COMMUNES: CommuneRow[] = [
  commune({ inseeCode: '59350', name: 'Lille', postalCode: '59000', population: 236_710 }),
  commune({ inseeCode: '59512', name: 'Roubaix', postalCode: '59100', population: 98_892 }),
  commune({
    inseeCode: '59136',
    name: 'Cateau-Cambrésis',
    nameWithArticle: 'Le Cateau-Cambrésis',
    postalCode: '59360',
  }),
  commune({ inseeCode: '67482', name: 'Strasbourg', postalCode: '67000', region: '44', population: 291_313 }),
  commune({ inseeCode: '93066', name: 'Saint-Denis', postalCode: '93200', region: '11', population: 113_942 }),
  commune({ inseeCode: '97411', name: 'Saint-Denis', postalCode: '97400', region: '04', population: 154_765 }),
  commune({ inseeCode: '11339', name: 'Saint-Denis', postalCode: '11310', region: '76', population: 498 }),
  commune({ inseeCode: '51001', name: 'Village A', postalCode: '51300', population: 300 }),
  commune({ inseeCode: '51002', name: 'Village B', postalCode: '51300', population: 5_000 }),
  commune({ inseeCode: '75056', name: 'Paris', postalCode: '75001', region: '11', population: 2_100_000 }),
  commune({
    inseeCode: '75115',
    name: 'Paris 15e Arrondissement',
    kind: 'arrondissement',
    parentInseeCode: '75056',
    postalCode: '75015',
    region: '11',
    population: 227_746,
  }),
  commune({ inseeCode: '60694', name: 'Hauts-Talican', nameWithArticle: 'Les Hauts-Talican', postalCode: '60390' }),
];

const directory = new CommuneDirectory(
  COMMUNES,
  [
    ...COMMUNES.map((row) => ({ inseeCode: row.inseeCode, postalCode: row.postalCode })),
    { inseeCode: '59350', postalCode: '59800' },
    { inseeCode: '97411', postalCode: '97490' },
    { inseeCode: '75056', postalCode: '75015' },
  ],
  [{ inseeCode: '60694', name: 'Villotran', nameWithArticle: 'Villotran' }],
);

const insee = (query: Parameters<CommuneDirectory['resolve']>[0]): string | null =>
  directory.resolve(query)?.inseeCode ?? null;

describe('CommuneDirectory', () => {
  it('finds a commune by INSEE code first', () => {
    expect(directory.resolve({ inseeCode: '59512', name: 'Lille' })).toEqual({
      inseeCode: '59512',
      name: 'Roubaix',
      postalCode: '59100',
      departement: '59',
      region: '32',
      lat: 50,
      lng: 3,
    });
  });

  it('finds a name however it is written', () => {
    for (const name of ['Le Cateau-Cambrésis', 'Cateau-Cambrésis (Le)', 'LE CATEAU CAMBRESIS', 'cateau cambresis']) {
      expect(insee({ name })).toBe('59136');
    }
    expect(directory.resolve({ name: 'cateau-cambresis' })?.name).toBe('Le Cateau-Cambrésis');
    expect(insee({ name: 'St-Denis (93)' })).toBe('93066');
  });

  it('takes the most populous commune of an ambiguous name or postal code', () => {
    expect(insee({ name: 'Saint-Denis' })).toBe('97411');
    expect(insee({ postalCode: '51300' })).toBe('51002');
  });

  it('disambiguates a name with a postal code or a département', () => {
    expect(insee({ name: 'Saint-Denis', postalCode: '93200' })).toBe('93066');
    expect(insee({ name: 'Saint-Denis (11)' })).toBe('11339');
    expect(insee({ name: 'Saint-Denis 93' })).toBe('93066');
    expect(insee({ name: '11310 Saint-Denis' })).toBe('11339');
  });

  it("falls back on the postal code's département for a postal code the data does not list", () => {
    expect(insee({ name: 'Lille', postalCode: '59777' })).toBe('59350');
    expect(insee({ name: 'Lille Cedex', postalCode: '59031' })).toBe('59350');
    expect(directory.resolve({ name: 'Lille', postalCode: '59800' })?.postalCode).toBe('59800');
    expect(directory.resolve({ name: 'Lille', postalCode: '59777' })?.postalCode).toBe('59000');
    expect(insee({ name: 'Saint-Denis', postalCode: '97419' })).toBe('97411');
  });

  it('trusts the postal code over a name it does not know or that lies elsewhere', () => {
    expect(insee({ name: 'Hameau inconnu', postalCode: '59100' })).toBe('59512');
    expect(insee({ name: 'Strasbourg', postalCode: '59100' })).toBe('59512');
    expect(insee({ name: 'Strasbourg (59)' })).toBeNull();
  });

  it('reads free-text places', () => {
    expect(insee({ name: '59000 Lille' })).toBe('59350');
    expect(insee({ name: 'Lille (59)' })).toBe('59350');
    expect(insee({ name: 'LILLE 59' })).toBe('59350');
    expect(insee({ name: '59 - LILLE' })).toBe('59350');
  });

  it('places Paris postal codes in their arrondissement', () => {
    expect(insee({ name: 'Paris' })).toBe('75056');
    expect(insee({ postalCode: '75015' })).toBe('75115');
    expect(insee({ name: 'Paris', postalCode: '75015' })).toBe('75115');
    expect(insee({ name: 'Paris 15e' })).toBe('75115');
    expect(insee({ name: 'Paris 15' })).toBe('75115');
  });

  it('knows merged communes by their former names', () => {
    expect(directory.resolve({ name: 'Villotran' })?.name).toBe('Les Hauts-Talican');
  });

  it('answers null when nothing matches', () => {
    expect(insee({ name: 'Atlantis' })).toBeNull();
    expect(insee({ postalCode: '99999' })).toBeNull();
    expect(insee({ inseeCode: '00000' })).toBeNull();
    expect(insee({})).toBeNull();
  });
});
