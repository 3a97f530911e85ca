import { describe, expect, it } from '@jest/globals';
import {
  CODED_OFFER_WEIGHTS,
  type CodedOffer,
  CodedOfferReader,
  type CodedVotes,
  readWithCodedOffers,
} from './coded-offer-reader.js';
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

  it('keeps the nearest offers a full sort would keep, in the same order', () => {
    const corpus = [
      ...CORPUS,
      ...Array.from({ length: 30 }, (_, i) => ({ ...CLEANING(i), title: `Agent de quai ${i}` })),
    ];
    const few = CodedOfferReader.build(corpus, { maxOffers: 100, weights: { ...CODED_OFFER_WEIGHTS, neighbours: 5 } });
    const all = CodedOfferReader.build(corpus, {
      maxOffers: 100,
      weights: { ...CODED_OFFER_WEIGHTS, neighbours: 1000 },
    });
    const title = 'Agent de quai';
    const description = 'Chargement des camions et nettoyage du quai.';
    const everyOne = all.nearest(title, description);
    expect(everyOne.length).toBeGreaterThan(5);
    expect(few.nearest(title, description)).toEqual(everyOne.slice(0, 5));
    for (let i = 1; i < everyOne.length; i += 1)
      expect(everyOne[i - 1].similarity).toBeGreaterThanOrEqual(everyOne[i].similarity);
  });

  it("discounts a code by how often the store uses it, keeping the votes' total", () => {
    // 12 offers coded K2204 and 2 coded N1103, all equally close to the offer read.
    const corpus = [
      ...Array.from({ length: 12 }, () => ({ ...CLEANING(0), codeRome: 'K2204' })),
      ...Array.from({ length: 2 }, () => ({ ...CLEANING(0), codeRome: 'N1103' })),
    ];
    const reader = CodedOfferReader.build(corpus, { maxOffers: 100 });
    const nearest = reader.nearest(CLEANING(0).title, CLEANING(0).description);
    const raw = reader.tally(nearest, { ...CODED_OFFER_WEIGHTS, codePrior: 0 });
    const corrected = reader.tally(nearest, { ...CODED_OFFER_WEIGHTS, codePrior: 0.5 });
    const share = (votes: CodedVotes, code: string) => votes.votes.find((vote) => vote.codeRome === code)!.share;
    expect(share(raw, 'K2204') / share(raw, 'N1103')).toBeCloseTo(6, 5);
    // Each vote divided by sqrt(count): 12/sqrt(12) against 2/sqrt(2).
    expect(share(corrected, 'K2204') / share(corrected, 'N1103')).toBeCloseTo(Math.sqrt(12) / Math.sqrt(2), 5);
    const total = (votes: CodedVotes) => votes.votes.reduce((sum, vote) => sum + vote.share, 0);
    expect(total(corrected)).toBeCloseTo(total(raw), 9);
  });

  describe('the gate', () => {
    const votes = (...shares: Array<[string, number]>): CodedVotes => ({
      votes: shares.map(([codeRome, share]) => ({ codeRome, share, offers: Math.round(share * 40) })),
      neighbours: 40,
    });
    const sure = (codeRome: string): ClassifiedOccupation => ({ ...referentialReading(codeRome), score: 0.95 });

    it('keeps a sure referential reading unless the votes are nearly unanimous', () => {
      const strong = CODED_OFFER_WEIGHTS.strongVotes;
      const below = readWithCodedOffers(sure('G1602'), votes(['M1203', strong - 0.05]), label);
      expect(below).toMatchObject({ codeRome: 'G1602', readFrom: 'referential', agreeing: 0 });
      const above = readWithCodedOffers(sure('G1602'), votes(['M1203', strong + 0.05]), label);
      expect(above).toMatchObject({ codeRome: 'M1203', readFrom: 'coded-offers' });
    });

    it('lets the same votes overrule a weak referential reading', () => {
      const share = CODED_OFFER_WEIGHTS.strongVotes - 0.05;
      expect(readWithCodedOffers(referentialReading('G1602'), votes(['M1203', share]), label)).toMatchObject({
        codeRome: 'M1203',
        readFrom: 'coded-offers',
      });
    });

    it("keeps the referential reading when its own code is within the margin of the votes' first", () => {
      const close = votes(['M1203', 0.6], ['G1602', 0.6 - CODED_OFFER_WEIGHTS.voteMargin / 2]);
      expect(readWithCodedOffers(referentialReading('G1602'), close, label)).toMatchObject({
        codeRome: 'G1602',
        readFrom: 'referential',
        agreeing: close.votes[1].offers,
      });
    });
  });
});
