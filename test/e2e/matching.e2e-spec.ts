import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';

interface Item {
  id: string;
  score: number;
  romeCode: string | null;
  contractType: string;
  explanation: {
    matchingSkills: string[];
    missingCoreSkills: string[];
    occupationPath: string | null;
    distanceKm: number;
  };
}

const cleaner = {
  experiences: [{ romeCode: 'K2205', months: 72 }],
  skills: [] as string[],
  commune: { inseeCode: '59350' },
  maxDistanceKm: 25,
  drivingLicence: false,
  contractTypes: ['cdi', 'cdd', 'interim'],
  workingTime: 'any',
};

describe('matched search: transferable skills, hard constraints and explanations', () => {
  let context: TestContext;
  let demo: DemoSources;
  let api: RunningApi;
  let org: TestOrganisation;

  const search = (body: object) =>
    request(api.url).post('/matching/search').auth(org.users.coachLille.accessToken, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({
      seed: 5,
      crawlDelaySeconds: 0,
      nordemploi: { count: 200, pageSize: 50 },
      jobConnexion: { count: 10 },
      franceTravail: { count: 900, region: 'nord' },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    const manage = api.app.get(ManageSources);
    for (const input of demoSourceInputs(demo))
      await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
    const ingestion = api.app.get(RunIngestion);
    await ingestion.execute('france-travail-demo', { trigger: 'manual' });
    await ingestion.execute('nordemploi', { trigger: 'manual' });
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await api?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('ranks cleaning and related occupations first for a cleaner, and explains each result', async () => {
    const response = await search({ profile: cleaner, limit: 50 }).expect(200);
    const items = (response.body as { items: Item[] }).items;
    expect(items.length).toBeGreaterThan(5);
    const top = items.slice(0, 5);
    for (const item of top)
      expect(item.romeCode?.startsWith('K2') || item.explanation.occupationPath !== null).toBe(true);
    const related = items.filter((item) => item.romeCode?.startsWith('K22'));
    const unrelated = items.filter((item) => !item.romeCode?.startsWith('K2'));
    const mean = (list: Item[]): number => list.reduce((sum, item) => sum + item.score, 0) / Math.max(1, list.length);
    expect(related.length).toBeGreaterThan(0);
    expect(mean(related)).toBeGreaterThan(mean(unrelated));
    expect(top[0].explanation.matchingSkills.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
      expect(item.explanation.distanceKm).toBeLessThanOrEqual(25);
      expect(['cdi', 'cdd', 'interim']).toContain(item.contractType);
    }
  });

  it('never returns an offer outside the radius, of an excluded contract, or asking for a licence the person lacks', async () => {
    const response = await search({
      profile: { ...cleaner, maxDistanceKm: 10, contractTypes: ['cdi'] },
      limit: 50,
    }).expect(200);
    const items = (response.body as { items: Item[] }).items;
    expect(items.every((item) => item.contractType === 'cdi' && item.explanation.distanceKm <= 10)).toBe(true);
    if (items.length > 0) {
      const rows: Array<{ n: string }> = await api.app
        .get(DataSource)
        .query(`SELECT count(*) AS n FROM offer WHERE id = ANY($1) AND cardinality(driving_licences) > 0`, [
          items.map((item) => item.id),
        ]);
      expect(Number(rows[0].n)).toBe(0);
    }
  });

  it('gives the same ranking for the same input, every time', async () => {
    const first = (await search({ profile: cleaner, limit: 30 }).expect(200)).body as { items: Item[] };
    const second = (await search({ profile: cleaner, limit: 30 }).expect(200)).body as { items: Item[] };
    expect(second.items.map((item) => [item.id, item.score])).toEqual(first.items.map((item) => [item.id, item.score]));
  });

  it.each([
    [{ ...cleaner, experiences: [{ romeCode: 'Z9999', months: 3 }] }, 'profile.experiences.0.romeCode'],
    [{ ...cleaner, experiences: [{ romeCode: 'A0000', months: 3 }] }, 'profile.experiences.0.romeCode'],
    [{ ...cleaner, maxDistanceKm: -3 }, 'profile.maxDistanceKm'],
    [{ ...cleaner, maxDistanceKm: 10_000 }, 'profile.maxDistanceKm'],
    [{ ...cleaner, skills: Array.from({ length: 500 }, (_, i) => String(100000 + i)) }, 'profile.skills'],
    [{ ...cleaner, commune: { inseeCode: '99999' } }, 'profile.commune'],
  ])('refuses bad input with 400 naming the field (%#)', async (profile, field) => {
    const response = await search({ profile }).expect(400);
    expect((response.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field)).toContain(
      field,
    );
  });

  it('never lets user text reach a Meilisearch filter', async () => {
    const response = await search({ profile: cleaner, filters: { departements: ['59" OR departement = "67'] } }).expect(
      400,
    );
    expect((response.body as { details: Array<{ field: string }> }).details[0].field).toBe('filters.departements');
  });
});
