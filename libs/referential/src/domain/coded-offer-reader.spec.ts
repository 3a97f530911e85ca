import { describe, expect, it } from '@jest/globals';
import { type CodedOffer, CodedOfferReader, readWithCodedOffers } from './coded-offer-reader.js';
import type { ClassifiedOccupation } from './occupation-classifier.js';

// Synthetic offers (no real data): a warehouse board codes `Agent de quai` as N1103, cleaning
// offers as K2204, and a few unrelated offers.
const QUAI = (n: number): CodedOffer => ({
  title: `Agent de quai ${n % 2 === 0 ? 'H/F' : '(F/H)'}`,
  description: 'Chargement et déchargement des camions, contrôle des colis, préparation des expéditions sur le quai.',
  codeRome: 'N1103',
});
const CLEANING = (n: number): CodedOffer => ({
  title: n % 2 === 0 ? 'Agent de propreté' : 'Agent de nettoyage',
  description: 'Nettoyage des bureaux et des sanitaires, utilisation de la monobrosse et des produits d’entretien.',
  codeRome: 'K2204',
});
const OTHER: CodedOffer[] = [
  { title: 'Cuisinier', description: 'Préparation des plats chauds et froids du restaurant.', codeRome: 'G1602' },
  {
    title: 'Comptable',
    description: 'Tenue de la comptabilité générale et des déclarations fiscales.',
    codeRome: 'M1203',
  },
];
const CORPUS = [
  ...Array.from({ length: 6 }, (_, i) => QUAI(i)),
  ...Array.from({ length: 6 }, (_, i) => CLEANING(i)),
  ...OTHER,
];

const LABELS: Record<string, string> = {
  N1103: 'Magasinier / Magasinière',
  K2204: 'Agent / Agente de propreté',
  G1602: 'Cuisinier / Cuisinière',
  M1203: 'Comptable',
  N4105: 'Conducteur livreur / Conductrice livreuse',
};
const label = (code: string): string | null => LABELS[code] ?? null;

/** What the referential would say: here a wrong first reading, as a title against ROME labels can give. */
const referentialReading = (
  codeRome: string,
  others: ClassifiedOccupation['otherReadings'] = [],
): ClassifiedOccupation => ({
  codeRome,
  label: LABELS[codeRome],
  score: 0.6,
  evidence: 'title+text',
  otherReadings: others,
});

describe('CodedOfferReader', () => {
  it('reads an uncoded offer as its similar coded offers were coded, and says so', () => {
    const reader = CodedOfferReader.build(CORPUS, { maxOffers: 100 });
    const title = 'Agent de quai H/F';
    const description = 'Vous chargez et déchargez les camions et contrôlez les colis à quai.';
    const votes = reader.votes(title, description);
    expect(votes.votes[0].codeRome).toBe('N1103');
    const reading = readWithCodedOffers(referentialReading('N4105'), votes, label);
    expect(reading).toMatchObject({ codeRome: 'N1103', label: LABELS.N1103, readFrom: 'coded-offers', agreeing: 6 });
    expect(reading?.similarOffers).toBeGreaterThanOrEqual(6);
    // The referential's reading stays among the next ones.
    expect(reading?.otherReadings.map((other) => other.codeRome)).toContain('N4105');
  });

  it('keeps the referential reading when the coded offers agree with it', () => {
    const reader = CodedOfferReader.build(CORPUS, { maxOffers: 100 });
    const votes = reader.votes('Agent de nettoyage', 'Nettoyage des bureaux et des sanitaires.');
    const reading = readWithCodedOffers(referentialReading('K2204'), votes, label);
    expect(reading).toMatchObject({ codeRome: 'K2204', readFrom: 'referential', evidence: 'title+text', score: 0.6 });
    expect(reading?.agreeing).toBe(6);
  });

  it('falls back to the referential when no stored offer is similar', () => {
    const reader = CodedOfferReader.build(CORPUS, { maxOffers: 100 });
    const votes = reader.votes('Pilote de drone', 'Prises de vues aériennes et photogrammétrie.');
    expect(votes).toEqual({ votes: [], neighbours: 0 });
    const referential = referentialReading('N4105');
    expect(readWithCodedOffers(referential, votes, label)).toEqual({
      ...referential,
      readFrom: 'referential',
      similarOffers: 0,
      agreeing: 0,
    });
  });

  it('lets one weakly similar offer not outvote the referential', () => {
    // One lone coded `Cuisinier`: its vote is divided by minVotes (2), under the referential's 0.5.
    const reader = CodedOfferReader.build([OTHER[0]], { maxOffers: 100 });
    const votes = reader.votes('Cuisinier', 'Préparation des plats.');
    expect(votes.votes[0].codeRome).toBe('G1602');
    expect(votes.votes[0].share).toBeLessThanOrEqual(0.5);
    expect(readWithCodedOffers(referentialReading('M1203'), votes, label)?.codeRome).toBe('M1203');
  });

  it('names the occupation from the votes alone when the referential read nothing', () => {
    const reader = CodedOfferReader.build(CORPUS, { maxOffers: 100 });
    const reading = readWithCodedOffers(null, reader.votes('Agent de quai', 'Déchargement des camions.'), label);
    expect(reading).toMatchObject({ codeRome: 'N1103', readFrom: 'coded-offers', evidence: 'text' });
  });

  it('keeps at most maxOffers, skips codes the referential does not know, and reports its size', () => {
    const progress: number[] = [];
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...QUAI(i), codeRome: i % 10 === 0 ? 'Z9999' : 'N1103' }));
    const reader = CodedOfferReader.build(many, {
      maxOffers: 2000,
      isKnown: (code) => code !== 'Z9999',
      onProgress: (read) => progress.push(read),
    });
    expect(reader.stats).toMatchObject({ offers: 2000, codes: 1 });
    expect(reader.stats.terms).toBeGreaterThan(5);
    expect(reader.stats.approxBytes).toBeGreaterThan(reader.stats.postings * 8);
    expect(progress).toEqual([1000, 2000]);
  });

  it('reads the same way every time from the same offers (deterministic)', () => {
    const a = CodedOfferReader.build(CORPUS, { maxOffers: 100 });
    const b = CodedOfferReader.build([...CORPUS], { maxOffers: 100 });
    const read = (reader: CodedOfferReader) =>
      readWithCodedOffers(referentialReading('N4105'), reader.votes('Agent de quai', 'Colis et camions.'), label);
    expect(read(a)).toEqual(read(b));
    expect(read(a)).toEqual(read(a));
  });
});
