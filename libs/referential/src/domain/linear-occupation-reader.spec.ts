import { describe, expect, it } from '@jest/globals';
import { LinearOccupationReader, type LinearTrainingOffer } from './linear-occupation-reader.js';
import type { ClassifiedOccupation } from './occupation-classifier.js';

// Synthetic offers (no real data): a warehouse board codes `Agent de quai` as N1103, cleaning
// offers as K2204, kitchen offers as G1602 and accounting offers as M1203.
const offer = (title: string, description: string, codeRome: string): LinearTrainingOffer => ({
  title,
  description,
  codeRome,
});
const CORPUS: LinearTrainingOffer[] = [
  ...Array.from({ length: 6 }, (_, i) =>
    offer(
      `Agent de quai ${i % 2 === 0 ? 'H/F' : '(F/H)'}`,
      'Chargement et déchargement des camions, contrôle des colis, préparation des expéditions sur le quai.',
      'N1103',
    ),
  ),
  ...Array.from({ length: 6 }, (_, i) =>
    offer(
      i % 2 === 0 ? 'Agent de propreté' : 'Agent de nettoyage',
      'Nettoyage des bureaux et des sanitaires, utilisation de la monobrosse et des produits d’entretien.',
      'K2204',
    ),
  ),
  ...Array.from({ length: 4 }, (_, i) =>
    offer(`Cuisinier ${i}`, 'Préparation des plats chauds et froids du restaurant, cuisine traditionnelle.', 'G1602'),
  ),
  ...Array.from({ length: 4 }, (_, i) =>
    offer(`Comptable ${i}`, 'Tenue de la comptabilité générale et des déclarations fiscales.', 'M1203'),
  ),
];

/** What the referential would say: right for most trades, wrong for `Agent de quai` (read as a driver). */
function referential(title: string): ClassifiedOccupation | null {
  const reading = (codeRome: string, score: number, evidence: ClassifiedOccupation['evidence']) => ({
    codeRome,
    label: codeRome,
    score,
    evidence,
    otherReadings: [],
  });
  if (/quai/i.test(title)) return reading('N4105', 0.6, 'title+text');
  if (/propret|nettoyage/i.test(title)) return reading('K2204', 1, 'title');
  if (/cuisinier/i.test(title)) return reading('G1602', 1, 'title');
  if (/comptable/i.test(title)) return reading('M1203', 1, 'title');
  if (/aide-soignant/i.test(title)) return reading('J1501', 1, 'title');
  return null;
}

const build = (): LinearOccupationReader =>
  LinearOccupationReader.build(CORPUS, { maxOffers: 100, referential: (title) => referential(title) });

describe('LinearOccupationReader', () => {
  it('reads an uncoded offer as the coded offers with its words were coded, over a weak referential reading', () => {
    const reader = build();
    const title = 'Agent de quai H/F';
    const description = 'Vous chargez et déchargez les camions et contrôlez les colis à quai.';
    const { codes } = reader.read(title, description, referential(title));
    expect(codes[0].codeRome).toBe('N1103');
    expect(codes[0].probability).toBeGreaterThan(0.5);
    expect(codes.map((code) => code.codeRome)).toContain('N4105');
  });

  it('still gives a code no coded offer carries when the referential reads the title surely', () => {
    const reader = build();
    const title = 'Aide-soignant de nuit';
    const { codes } = reader.read(title, 'Soins d’hygiène et de confort aux patients.', referential(title));
    expect(codes[0].codeRome).toBe('J1501');
  });

  it('gives codes without any referential reading, from the words alone', () => {
    const reader = build();
    const { codes } = reader.read('Cuisinier de collectivité', 'Plats chauds du restaurant.', null);
    expect(codes[0].codeRome).toBe('G1602');
    const total = codes.reduce((sum, code) => sum + code.probability, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('is deterministic: the same offers give the same readings', () => {
    const title = 'Agent de nettoyage';
    const description = 'Nettoyage des sanitaires et des bureaux.';
    const first = build().read(title, description, referential(title));
    const second = build().read(title, description, referential(title));
    expect(second).toEqual(first);
    expect(first.codes[0].codeRome).toBe('K2204');
  });

  it('keeps at most maxOffers, skips unknown codes, and says what it holds', () => {
    const reader = LinearOccupationReader.build(
      [offer('Technicien', 'Maintenance', 'Z9999'), offer('Inconnu', 'Texte', 'bad'), ...CORPUS],
      { maxOffers: 12, referential: () => null, isKnown: (code) => code !== 'Z9999' },
    );
    const stats = reader.stats;
    expect(stats.offers).toBe(12);
    expect(stats.codes).toBe(2);
    expect(stats.features).toBeGreaterThan(0);
    expect(stats.weights).toBeGreaterThan(0);
    expect(stats.approxBytes).toBeGreaterThan(0);
  });
});
