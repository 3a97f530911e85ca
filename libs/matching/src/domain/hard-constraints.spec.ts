import { type HardConstraints, hardFilterStrings, meetsHardConstraints, semanticScore } from './hard-constraints.js';

const lille = { lat: 50.6292, lng: 3.0573 };
const person: HardConstraints = {
  origin: lille,
  radiusKm: 20,
  reachDepartements: ['59'],
  originRegion: '32',
  contractTypes: ['cdi', 'cdd'],
  drivingLicence: false,
  workingTime: 'part_time',
  excludedSchedule: ['night'],
};
const offer = {
  contractType: 'cdi',
  workingTime: 'part_time',
  drivingLicences: [],
  schedule: [],
  placePrecision: 'commune',
  departement: '59',
  region: '32',
  _geo: { lat: 50.65, lng: 3.1 },
};

describe('hard constraints', () => {
  it('lets an offer within every constraint through', () => {
    expect(meetsHardConstraints(offer, person)).toBe(true);
  });

  it.each([
    ['a contract the person does not accept', { contractType: 'interim' }],
    ['a licence the person does not hold', { drivingLicences: ['B'] }],
    ['full time for a part-time person', { workingTime: 'full_time' }],
    ['night work the person cannot do', { schedule: ['weekend', 'night'] }],
    ['a commune beyond the radius', { _geo: { lat: 48.85, lng: 2.35 } }],
    ['a département out of reach', { placePrecision: 'departement', departement: '75', _geo: undefined }],
    ['another region', { placePrecision: 'region', region: '11', _geo: undefined }],
  ])('excludes %s', (_why, change) => {
    expect(meetsHardConstraints({ ...offer, ...change }, person)).toBe(false);
  });

  it('reaches offers placed by a département within reach, by the region or by the country', () => {
    expect(meetsHardConstraints({ ...offer, _geo: undefined, placePrecision: 'departement' }, person)).toBe(true);
    expect(meetsHardConstraints({ ...offer, _geo: undefined, placePrecision: 'region' }, person)).toBe(true);
    expect(meetsHardConstraints({ ...offer, _geo: undefined, placePrecision: 'country' }, person)).toBe(true);
  });

  it('writes the same constraints as Meilisearch filters, values quoted', () => {
    expect(hardFilterStrings(person)).toEqual([
      '(_geoRadius(50.6292, 3.0573, 20000) OR (placePrecision = departement AND departement IN ["59"]) OR (placePrecision = region AND region = "32") OR placePrecision = country)',
      'contractType IN ["cdi", "cdd"]',
      'drivingLicences IS EMPTY',
      'workingTime != "full_time"',
      'schedule NOT IN ["night"]',
    ]);
  });

  it('scores similarity as Meilisearch does: (1 + cosine) / 2, 0 without a vector', () => {
    expect(semanticScore([1, 0], [1, 0])).toBeCloseTo(1);
    expect(semanticScore([1, 0], [0, 1])).toBeCloseTo(0.5);
    expect(semanticScore([1, 0], null)).toBe(0);
    expect(semanticScore([1, 0], [])).toBe(0);
  });
});
