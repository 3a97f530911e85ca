import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEMO_JOBS, startDemoSources, type DemoSources } from '@passerelle/demo';
import { Meilisearch } from 'meilisearch';
import { SearchIndexes } from '@passerelle/core';
import {
  MATCH_ATTRIBUTES,
  type MatchingProfile,
  OFFERS_INDEX,
  OfferIndex,
  ScoreOfferForPeople,
} from '@passerelle/matching';
import {
  createTestContext,
  ingestDemoBoards,
  JOURNEY_BOARDS,
  startApi,
  syncOffersIndex,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

const COMMUNES = ['59350', '59512', '59599', '59178', '59183', '59009', '59606', '62041', '67482', '75056'];
const CONSTRAINTS = [[], ['no_night'], ['no_weekend'], ['school_hours']] as const;
const WORKING_TIMES = ['any', 'full_time', 'part_time'] as const;
const CONTRACTS = [['cdi', 'cdd', 'interim'], ['cdi'], ['cdd', 'interim', 'saisonnier'], ['cdi', 'cdd']] as const;

/**
 * Reverse matching scores every person in process (the offer's vector against theirs, their hard
 * constraints evaluated as Meilisearch evaluates the filters). On the demo boards, it must give what
 * each person's own Meilisearch search restricted to the offer gives: the same people, the same
 * scores and explanations.
 */
describe('reverse matching in process', () => {
  let context: TestContext;
  let sources: DemoSources;
  let api: RunningApi;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    sources = await startDemoSources(JOURNEY_BOARDS);
    api = await startApi(context.config);
    await ingestDemoBoards(api.app, sources);
    await syncOffersIndex(api.app);
  });

  afterAll(async () => {
    await api?.close();
    await sources?.close();
    await context?.cleanup();
  });

  it('gives every person the exclusion, the score (within one point) and the explanation their own restricted search gives, on the demo offers', async () => {
    const jobs = [...new Set(DEMO_JOBS.map((job) => job.romeCode))];
    // Varied people: every kind of hard constraint, a declared skill, a certificate, a target occupation.
    const people: Array<{ key: number; profile: MatchingProfile }> = Array.from({ length: 120 }, (_, i) => ({
      key: i,
      profile: {
        experiences: [{ romeCode: jobs[i % jobs.length], months: 6 + ((i * 11) % 90) }],
        skills: [],
        certificates: i % 9 === 0 ? ['CACES R489 cat. 3'] : [],
        targetOccupations: i % 5 === 0 ? [jobs[(i * 7 + 3) % jobs.length]] : [],
        commune: { inseeCode: COMMUNES[i % COMMUNES.length] },
        maxDistanceKm: [5, 15, 30, 60][i % 4],
        drivingLicence: i % 3 !== 0,
        contractTypes: [...CONTRACTS[i % CONTRACTS.length]],
        workingTime: WORKING_TIMES[i % WORKING_TIMES.length],
        constraints: [...CONSTRAINTS[(i >> 1) % CONSTRAINTS.length]],
      },
    }));
    // Offers of every placement kind (a commune, a département, a region, the country), spread over the ids.
    const offers: Array<{ id: string; place_precision: string }> = await api.app.get(DataSource).query(
      `SELECT id, place_precision FROM (
           SELECT id, place_precision, row_number() OVER (PARTITION BY place_precision ORDER BY id) AS n
           FROM offer WHERE status = 'open' AND duplicate_of IS NULL) ranked
         WHERE n <= 12 ORDER BY id`,
    );
    expect(new Set(offers.map((offer) => offer.place_precision)).size).toBeGreaterThanOrEqual(2);
    const match = api.app.get(ScoreOfferForPeople);
    let compared = 0;
    let reached = 0;
    for (const offer of offers) {
      const inProcess = await match.execute(offer.id, people);
      const bySearch = await match.bySearch(offer.id, people);
      const byKey = new Map(bySearch.map((result) => [result.key, result.match]));
      for (const { key, match: mine } of inProcess) {
        const reference = byKey.get(key) ?? null;
        compared += 1;
        // Excluded by the same people.
        expect({ offer: offer.id, person: key, reached: mine !== null }).toEqual({
          offer: offer.id,
          person: key,
          reached: reference !== null,
        });
        if (!mine || !reference) continue;
        reached += 1;
        // Meilisearch computes the cosine in 32-bit floats: the unrounded parts agree to 1e-4, shown figures alike.
        expect(Math.abs(mine.explanation.parts.similarity - reference.explanation.parts.similarity)).toBeLessThan(
          0.01 + 1e-9,
        );
        expect(Math.abs(mine.score - reference.score)).toBeLessThanOrEqual(1);
        expect({ ...mine, score: 0, explanation: { ...mine.explanation, parts: null } }).toEqual({
          ...reference,
          score: 0,
          explanation: { ...reference.explanation, parts: null },
        });
      }
    }
    expect(compared).toBe(offers.length * people.length);
    // The comparison covers people reached and people excluded, not one side only.
    expect(reached).toBeGreaterThan(compared / 20);
    expect(reached).toBeLessThan(compared);
  });

  it('keeps, with `best`, the same people in the same order as ranking everyone and keeping the first', async () => {
    const jobs = [...new Set(DEMO_JOBS.map((job) => job.romeCode))];
    // Many people for few occupations and communes: whole scores tie often, so the tie-break is exercised.
    const people: Array<{ key: number; profile: MatchingProfile }> = Array.from({ length: 200 }, (_, i) => ({
      key: (i * 37) % 200,
      profile: {
        experiences: [{ romeCode: jobs[i % 3], months: 24 }],
        skills: [],
        commune: { inseeCode: COMMUNES[i % 4] },
        maxDistanceKm: 60,
        drivingLicence: true,
        contractTypes: ['cdi', 'cdd', 'interim', 'saisonnier', 'alternance'],
        workingTime: 'any',
      },
    }));
    const offers: Array<{ id: string }> = await api.app
      .get(DataSource)
      .query(`SELECT id FROM offer WHERE status = 'open' AND duplicate_of IS NULL ORDER BY id LIMIT 8`);
    const match = api.app.get(ScoreOfferForPeople);
    const tieBreak = (a: number, b: number): number => a - b;
    let ties = 0;
    let kept = 0;
    for (const offer of offers) {
      const everyone = (await match.execute(offer.id, people))
        .filter((entry) => entry.match !== null)
        .sort((a, b) => b.match!.score - a.match!.score || tieBreak(a.key, b.key));
      for (let i = 1; i < everyone.length; i += 1)
        if (everyone[i].match!.score === everyone[i - 1].match!.score) ties += 1;
      for (const count of [0, 1, 20, everyone.length + 5]) {
        const best = await match.execute(offer.id, people, { count, tieBreak });
        expect({ offer: offer.id, count, best }).toEqual({ offer: offer.id, count, best: everyone.slice(0, count) });
        kept += best.length;
      }
    }
    expect(ties).toBeGreaterThan(20);
    expect(kept).toBeGreaterThan(0);
  });

  it('gives no one the offer when it is not in the index', async () => {
    const match = api.app.get(ScoreOfferForPeople);
    const results = await match.execute('00000000-0000-4000-8000-000000000000', [
      {
        key: 'a',
        profile: {
          experiences: [{ romeCode: DEMO_JOBS[0].romeCode, months: 24 }],
          skills: [],
          commune: { inseeCode: '59350' },
          maxDistanceKm: 900,
          drivingLicence: true,
          contractTypes: ['cdi', 'cdd', 'interim'],
          workingTime: 'any',
        },
      },
    ]);
    expect(results).toEqual([{ key: 'a', match: null }]);
  });

  it('reads an offer by id with the document and vector the fetch-by-ids route gives, and null for an id not indexed', async () => {
    const offers: Array<{ id: string }> = await api.app
      .get(DataSource)
      .query(`SELECT id FROM offer WHERE status = 'open' AND duplicate_of IS NULL ORDER BY id LIMIT 5`);
    expect(offers.length).toBe(5);
    const fields = [...MATCH_ATTRIBUTES, 'departement', 'region', 'drivingLicences'];
    const meili = api.app.get(Meilisearch).index(api.app.get(SearchIndexes).uid(OFFERS_INDEX.name));
    let withVector = 0;
    for (const { id } of offers) {
      // The route reverse matching read before (POST /documents/fetch), as the reference.
      const {
        results: [stored],
      } = await meili.getDocuments({ ids: [id], fields, retrieveVectors: true, limit: 1 });
      const { _vectors: vectors, ...document } = stored as Record<string, unknown> & {
        _vectors?: { skills?: { embeddings?: number[][] } };
      };
      const read = await api.app.get(OfferIndex).document(id, fields);
      expect(read).toEqual({ document, vector: vectors?.skills?.embeddings?.[0] ?? null });
      expect(read!.document).toHaveProperty('id', id);
      if (read!.vector) withVector += 1;
    }
    expect(withVector).toBeGreaterThan(0);
    expect(await api.app.get(OfferIndex).document('00000000-0000-4000-8000-000000000000', fields)).toBeNull();
  });
});
