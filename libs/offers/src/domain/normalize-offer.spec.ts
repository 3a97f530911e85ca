import { describe, expect, it } from '@jest/globals';
import type { OfferLookups, ResolvedArea } from './lookups.js';
import { normalizeOffer, splitLocation } from './normalize-offer.js';

const lookups: OfferLookups = {
  resolveCommune: ({ postalCode, name, inseeCode }) =>
    postalCode === '59300' || name === 'Valenciennes' || inseeCode === '59606'
      ? {
          inseeCode: '59606',
          name: 'Valenciennes',
          postalCode: '59300',
          departement: '59',
          region: '32',
          lat: 50.357,
          lng: 3.523,
        }
      : null,
  // The referential's reading of areas, reduced to the wordings these tests use.
  resolveArea: (text) =>
    (
      ({
        '62 - Pas-de-Calais': {
          precision: 'departement',
          departement: '62',
          region: '32',
          label: 'Pas-de-Calais (62)',
        },
        '59': { precision: 'departement', departement: '59', region: '32', label: 'Nord (59)' },
        'Nouvelle-Aquitaine': { precision: 'region', departement: null, region: '75', label: 'Nouvelle-Aquitaine' },
        France: { precision: 'country', departement: null, region: null, label: 'France' },
      }) satisfies Record<string, ResolvedArea>
    )[text] ?? null,
  resolveAbroad: (text) =>
    text === 'Principauté de Monaco' ? { precision: 'abroad', departement: null, region: null, label: text } : null,
  occupation: (code) => (code === 'K2204' ? { code, label: 'Nettoyage de locaux' } : null),
  inferOccupation: (text) => (/entretien/i.test(text) ? { codeRome: 'K2204', label: 'Nettoyage de locaux' } : null),
};

const base = {
  title: 'Agent d’entretien H/F',
  description: '<p>Nettoyage de bureaux.</p>',
  location: 'Valenciennes (59300)',
  contractType: 'CDD',
  contractDuration: '6 mois',
  workingTime: 'Temps partiel - 24h',
  salary: '11,88 € de l’heure',
  employerName: 'Propreté du Hainaut',
  drivingLicence: 'Permis B souhaité',
  experience: 'Débutant accepté',
  publishedAt: '12/11/2026',
};

describe('normalizeOffer', () => {
  it('types, locates and classifies an offer', () => {
    const result = normalizeOffer({ source: 'board', externalId: '42', fields: base }, lookups);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.offer).toMatchObject({
      title: 'Agent d’entretien H/F',
      description: 'Nettoyage de bureaux.',
      location: { communeInsee: '59606', postalCode: '59300', departement: '59', latitude: 50.357 },
      contractType: 'cdd',
      contractDurationMonths: 6,
      workingTime: 'part_time',
      weeklyHours: 24,
      salary: { min: 11.88, max: 11.88, period: 'hour' },
      rome: { code: 'K2204', inferred: true },
      drivingLicences: ['B'],
      experience: { months: 0 },
      publishedAt: new Date('2026-11-12T00:00:00Z'),
    });
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same content, a different one when it changes', () => {
    const a = normalizeOffer({ source: 'board', externalId: '42', fields: base }, lookups);
    const b = normalizeOffer({ source: 'board', externalId: '42', fields: { ...base } }, lookups);
    const c = normalizeOffer(
      { source: 'board', externalId: '42', fields: { ...base, salary: '12 € de l’heure' } },
      lookups,
    );
    expect(a.ok && b.ok && a.contentHash === b.contentHash).toBe(true);
    expect(a.ok && c.ok && a.contentHash !== c.contentHash).toBe(true);
  });

  it.each([
    ['62 - Pas-de-Calais', 'departement', '62', '32', 'Pas-de-Calais (62)'],
    ['Nouvelle-Aquitaine', 'region', null, '75', 'Nouvelle-Aquitaine'],
    ['France', 'country', null, null, 'France'],
    // The commune is unknown, its département is not: kept at the département's precision.
    ['59 - Hameau-Inconnu', 'departement', '59', '32', 'Nord (59)'],
    ['Principauté de Monaco', 'abroad', null, null, 'Principauté de Monaco'],
  ])(
    'keeps an offer placed only at %s, with its precision and no commune',
    (location, precision, departement, region, label) => {
      const result = normalizeOffer({ source: 'board', externalId: '42', fields: { ...base, location } }, lookups);
      if (!result.ok) throw new Error(JSON.stringify(result.rejection));
      expect(result.offer.location).toEqual({
        text: location,
        precision,
        communeInsee: null,
        communeName: null,
        postalCode: null,
        departement,
        region,
        label,
        latitude: null,
        longitude: null,
      });
    },
  );

  it('places a commune-level offer with its label and region', () => {
    const result = normalizeOffer({ source: 'board', externalId: '42', fields: base }, lookups);
    if (!result.ok) throw new Error(JSON.stringify(result.rejection));
    expect(result.offer.location).toMatchObject({ precision: 'commune', region: '32', label: 'Valenciennes (59300)' });
  });

  it.each([
    [
      { ...base, title: '  ' },
      { field: 'title', reason: 'missing' },
    ],
    [
      { ...base, description: '<p> </p>' },
      { field: 'description', reason: 'missing' },
    ],
    [
      { ...base, location: 'Atlantis (99999)' },
      { field: 'location', reason: 'unknown place: Atlantis (99999)' },
    ],
    [
      { ...base, location: undefined },
      { field: 'location', reason: 'missing' },
    ],
  ])('rejects %j', (fields, rejection) => {
    expect(normalizeOffer({ source: 'board', externalId: '42', fields }, lookups)).toEqual({ ok: false, rejection });
  });

  it.each([
    ['Lille (59000)', { postalCode: '59000', name: 'Lille' }],
    ['67000 Strasbourg', { postalCode: '67000', name: 'Strasbourg' }],
    ['59 - ROUBAIX', { name: 'ROUBAIX', departement: '59' }],
    ['Colmar (68)', { name: 'Colmar', departement: '68' }],
  ])('splits the location %s', (text, expected) => {
    expect(splitLocation(text)).toEqual(expected);
  });
});
