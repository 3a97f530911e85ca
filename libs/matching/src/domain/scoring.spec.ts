import { describe, expect, it } from '@jest/globals';
import {
  AREA_NEARNESS,
  offerScorer,
  scoreOffer,
  scoreParts,
  type ScoredOfferInput,
  type ScoringProfile,
} from './scoring.js';

const profile: ScoringProfile = {
  skills: new Map([['s1', 1]]),
  occupations: new Map([['K2204', 'Nettoyage de locaux']]),
  mobilities: new Map(),
  origin: { lat: 50.63, lng: 3.06 },
  radiusKm: 20,
};

const offer = (place: ScoredOfferInput['place']): ScoredOfferInput => ({
  id: 'o1',
  romeCode: 'K2204',
  romeLabel: 'Nettoyage de locaux',
  skillIds: ['s1'],
  coreSkillIds: ['s1'],
  place,
  similarity: 0.8,
});

const score = (place: ScoredOfferInput['place']) =>
  scoreOffer(
    profile,
    offer(place),
    () => 1,
    (id) => id,
  );

describe('scoreOffer and the place of an offer', () => {
  it('measures the distance of a commune-level offer and words it in French', () => {
    const { explanation } = score({ lat: 50.72, lng: 3.16 });
    expect(explanation.distanceKm).toBeCloseTo(12.3, 0);
    expect(explanation.place).toMatch(/^à \d+,\d km$/);
    expect(explanation.parts.nearness).toBeGreaterThan(0.5);
  });

  it.each([
    ['departement', 'Nord (59)', 'dans le département : Nord (59)'],
    ['region', 'Hauts-de-France', 'dans la région : Hauts-de-France'],
    ['country', 'France', 'en France (lieu non précisé)'],
  ] as const)('gives an offer placed only by its %s no distance and a fixed nearness', (precision, label, wording) => {
    const { explanation } = score({ precision, label });
    expect(explanation.distanceKm).toBeNull();
    expect(explanation.place).toBe(wording);
    expect(explanation.parts.nearness).toBe(AREA_NEARNESS[precision]);
  });

  it('ranks the same job in the person’s commune above the same job somewhere in the country', () => {
    expect(score({ lat: 50.63, lng: 3.06 }).score).toBeGreaterThan(
      score({ precision: 'country', label: 'France' }).score,
    );
  });
});

describe('scoreOffer and the person as the coach entered them', () => {
  const cariste: ScoredOfferInput = {
    id: 'o2',
    romeCode: 'N1101',
    romeLabel: 'Conducteur de chariot élévateur',
    skillIds: ['forklift', 'stock'],
    coreSkillIds: ['forklift', 'stock'],
    textSkillIds: ['forklift'],
    place: { lat: 50.63, lng: 3.06 },
    similarity: 0.5,
  };
  const labels: Record<string, string> = { forklift: 'Conduire un chariot élévateur', stock: 'Gérer un stock' };

  it('counts an offer skill a certificate proves as covered, and says by which certificate', () => {
    const { explanation } = scoreOffer(
      { ...profile, skills: new Map() },
      cariste,
      () => 1,
      (id) => labels[id],
      (id) => (id === 'forklift' ? { weight: 1, by: 'CACES R489' } : { weight: 0, by: null }),
    );
    expect(explanation.missingCoreSkills).toEqual(['Gérer un stock']);
    expect(explanation.matchingSkills).toEqual(['Conduire un chariot élévateur']);
    expect(explanation.coveredBy).toEqual([{ skill: 'Conduire un chariot élévateur', by: 'CACES R489' }]);
    expect(explanation.skillsFromText).toEqual(['Conduire un chariot élévateur']);
    expect(explanation.parts.coverage).toBe(0.5);
  });

  it('ranks and explains a target occupation as the person’s project, above a ROME mobility', () => {
    const withTarget = scoreOffer(
      { ...profile, targets: new Map([['N1101', 'Conducteur de chariot élévateur']]) },
      cariste,
      () => 1,
      (id) => labels[id],
    );
    const asMobility = scoreOffer(
      { ...profile, mobilities: new Map([['N1101', { from: 'K2204', fromLabel: 'Nettoyage', rank: 1 }]]) },
      cariste,
      () => 1,
      (id) => labels[id],
    );
    expect(withTarget.explanation.occupationRelation).toBe('target');
    expect(withTarget.explanation.occupationPath).toBe('Conducteur de chariot élévateur (métier visé)');
    expect(asMobility.explanation.occupationRelation).toBe('mobility');
    expect(withTarget.score).toBeGreaterThan(asMobility.score);
  });

  it('trusts an occupation read from the text less when another reading is close, and counts the next readings', () => {
    const held = { ...profile, occupations: new Map([['N1101', 'Conducteur de chariot élévateur']]) };
    const coded = scoreOffer(
      held,
      cariste,
      () => 1,
      (id) => labels[id],
    );
    const readClose = scoreOffer(
      held,
      { ...cariste, otherOccupations: [{ romeCode: 'N1103', romeLabel: 'Magasinier', weight: 0.9 }] },
      () => 1,
      (id) => labels[id],
    );
    const readFar = scoreOffer(
      held,
      { ...cariste, otherOccupations: [{ romeCode: 'N1103', romeLabel: 'Magasinier', weight: 0.2 }] },
      () => 1,
      (id) => labels[id],
    );
    expect(coded.explanation.parts.path).toBe(1);
    expect(readClose.explanation.parts.path).toBe(0.55);
    expect(readFar.explanation.parts.path).toBe(0.9);
    expect(readClose.explanation.occupationRelation).toBe('held');

    // The person held the second reading: it counts at its weight, and says it is a reading.
    const heldSecond = { ...profile, occupations: new Map([['N1103', 'Magasinier']]) };
    const second = scoreOffer(
      heldSecond,
      { ...cariste, otherOccupations: [{ romeCode: 'N1103', romeLabel: 'Magasinier', weight: 0.9 }] },
      () => 1,
      (id) => labels[id],
    );
    expect(second.explanation.parts.path).toBe(0.72);
    expect(second.explanation.occupationRelation).toBe('held');
    expect(second.explanation.occupationPath).toBe("Magasinier (métier déjà exercé), une lecture possible de l'offre");
    expect(second.exact).toBeGreaterThan(
      scoreOffer(
        heldSecond,
        cariste,
        () => 1,
        (id) => labels[id],
      ).exact,
    );
  });

  it('explains an occupation of the same ROME 3 origin as a neighbour of the held one, above a distant mobility', () => {
    const asNeighbour = scoreOffer(
      { ...profile, neighbours: new Map([['N1101', { from: 'N1103', fromLabel: 'Magasinier' }]]) },
      cariste,
      () => 1,
      (id) => labels[id],
    );
    const asDistantMobility = scoreOffer(
      { ...profile, mobilities: new Map([['N1101', { from: 'N1103', fromLabel: 'Magasinier', rank: 6 }]]) },
      cariste,
      () => 1,
      (id) => labels[id],
    );
    const unrelated = scoreOffer(
      profile,
      cariste,
      () => 1,
      (id) => labels[id],
    );
    expect(asNeighbour.explanation.occupationRelation).toBe('neighbour');
    expect(asNeighbour.explanation.occupationPath).toBe(
      'Conducteur de chariot élévateur (métier voisin de « Magasinier »)',
    );
    expect(asNeighbour.explanation.parts.path).toBe(0.9);
    expect(asNeighbour.score).toBeGreaterThan(asDistantMobility.score);
    expect(asDistantMobility.score).toBeGreaterThan(unrelated.score);
  });
});

describe('offerScorer: one offer scored for many people', () => {
  const readOffer: ScoredOfferInput = {
    id: 'o3',
    romeCode: 'N1103',
    romeLabel: 'Magasinage',
    skillIds: ['s1', 's2', 's3', 's4'],
    coreSkillIds: ['s1', 's3', 's4'],
    otherOccupations: [
      { romeCode: 'N1101', romeLabel: 'Conduite de chariot', weight: 0.7 },
      { romeCode: 'K2204', romeLabel: 'Nettoyage de locaux', weight: 0.4 },
    ],
    place: { lat: 50.7, lng: 3.1 },
    similarity: 0,
  };
  const idf = (id: string): number => ({ s1: 1.5, s2: 2.25, s3: 3.1, s4: 0.7 })[id] ?? 1;
  // Every occupation relation, skills of every weight, near and far.
  const people: ScoringProfile[] = Array.from({ length: 40 }, (_, i) => ({
    skills: new Map(
      [
        ['s1', 0.5 + (i % 3) * 0.35],
        ['s3', (i % 5) * 0.3],
        ['s4', 1.2],
      ].filter((_, at) => (i >> at) % 2 === 0) as Array<[string, number]>,
    ),
    occupations: new Map(i % 7 === 0 ? [['N1103', 'Magasinage']] : [['A1101', 'Conduite d’engins agricoles']]),
    targets: new Map(i % 7 === 1 ? [['N1103', 'Magasinage']] : []),
    neighbours: new Map(i % 7 === 2 ? [['N1101', { from: 'A1101', fromLabel: 'Conduite d’engins agricoles' }]] : []),
    mobilities: new Map(
      i % 7 === 3 ? [['N1103', { from: 'A1101', fromLabel: 'Conduite d’engins agricoles', rank: 1 + (i % 4) }]] : [],
    ),
    origin: { lat: 50.5 + (i % 6) * 0.05, lng: 3 + (i % 4) * 0.04 },
    radiusKm: 10 + (i % 3) * 15,
  }));

  it('gives each person, without a coverage function, to the last bit what scoreParts gives them with their own weights', () => {
    const score = offerScorer(readOffer, idf);
    const relations = new Set<string | null>();
    people.forEach((person, i) => {
      const similarity = (i % 9) / 8;
      const reference = scoreParts(person, { ...readOffer, similarity }, idf);
      expect(score(person, similarity)).toEqual(reference);
      expect(score(person, similarity, (id) => ({ weight: person.skills.get(id) ?? 0, by: null }))).toEqual(reference);
      relations.add(reference.occupationRelation);
    });
    expect(relations).toEqual(new Set(['held', 'target', 'neighbour', 'mobility', null]));
  });

  it('reads a proof through the coverage function it is given', () => {
    const score = offerScorer(readOffer, idf);
    const person = people[5];
    const proven = score(person, 0.5, (id) => (id === 's3' ? { weight: 1, by: 'CACES' } : { weight: 0, by: null }));
    expect(proven.skillCoverage).toBeCloseTo(3.1 / (1.5 + 3.1 + 0.7), 10);
  });
});
