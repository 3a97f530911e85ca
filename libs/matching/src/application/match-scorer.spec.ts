import { describe, expect, it } from '@jest/globals';
import { scoreParts, type ScoringProfile } from '../domain/scoring.js';
import { SkillSpace } from '../domain/skill-space.js';
import { type Hit, MatchScorer, offerInput } from './match-scorer.js';
import type { SkillModel } from './skill-model.js';

const occupations = [
  {
    code: 'K2204',
    skills: [
      { id: 'clean', core: true },
      { id: 'waste', core: true },
      { id: 'products', core: false },
    ],
  },
  {
    code: 'N1103',
    skills: [
      { id: 'orders', core: true },
      { id: 'forklift', core: true },
      { id: 'stock', core: false },
    ],
  },
];

const hit: Hit = {
  id: 'o1',
  title: 'Agent de nettoyage',
  employerName: null,
  communeName: 'Lille',
  postalCode: '59000',
  contractType: 'cdi',
  workingTime: 'full_time',
  romeCode: 'K2204',
  romeLabel: 'Nettoyage de locaux',
  publishedAt: null,
  skillIds: ['clean', 'waste', 'products', 'stock'],
  coreSkillIds: ['clean', 'waste'],
  otherOccupations: [{ romeCode: 'N1103', romeLabel: 'Magasinage', weight: 0.6 }],
  _geo: { lat: 50.7, lng: 3.1 },
};

const person: ScoringProfile = {
  skills: new Map([
    ['clean', 1],
    ['stock', 0.5],
  ]),
  occupations: new Map([['N1103', 'Magasinage']]),
  mobilities: new Map(),
  origin: { lat: 50.63, lng: 3.06 },
  radiusKm: 20,
};

// offerScorer reads only the space it is given, never the model.
const scorer = (): MatchScorer => new MatchScorer({} as SkillModel);

describe('MatchScorer.offerScorer: the offer side of a kept hit, made once', () => {
  it('gives the parts scoreParts gives for the same hit, person and similarity', () => {
    const space = SkillSpace.build(occupations, 8);
    const idf = (id: string): number => space.idf(id);
    const expected = scoreParts(person, offerInput(hit, 0.72), idf);
    expect(scorer().offerScorer(hit, space)(person, 0.72)).toEqual(expected);
  });

  it('reuses the scorer for the same hit and space, and makes a new one for another space', () => {
    const matcher = scorer();
    const space = SkillSpace.build(occupations, 8);
    const first = matcher.offerScorer(hit, space);
    expect(matcher.offerScorer(hit, space)).toBe(first);
    // A referential change gives a new space, whose rarities the new scorer reads.
    const other = SkillSpace.build([...occupations, { code: 'K2303', skills: [{ id: 'clean', core: true }] }], 8);
    const remade = matcher.offerScorer(hit, other);
    expect(remade).not.toBe(first);
    expect(remade(person, 0.5)).toEqual(scoreParts(person, offerInput(hit, 0.5), (id) => other.idf(id)));
  });

  it('makes one for each hit object, as WindowHits keeps a new one for a changed offer', () => {
    const matcher = scorer();
    const space = SkillSpace.build(occupations, 8);
    const changed: Hit = { ...hit, coreSkillIds: ['clean'] };
    expect(matcher.offerScorer(changed, space)).not.toBe(matcher.offerScorer(hit, space));
    expect(matcher.offerScorer(changed, space)(person, 0.5)).toEqual(
      scoreParts(person, offerInput(changed, 0.5), (id) => space.idf(id)),
    );
  });
});
