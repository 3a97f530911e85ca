import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  createTestContext,
  login,
  refreshCookieOf,
  seedOrganisation,
  startApi,
  TEST_PASSWORD,
  withRefreshCookie,
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
  placePrecision: string;
  placeLabel: string;
  location: { lat: number; lng: number } | null;
  explanation: {
    matchingSkills: string[];
    missingCoreSkills: string[];
    occupationPath: string | null;
    occupationRelation?: string | null;
    coveredBy?: Array<{ skill: string; by: string }>;
    distanceKm: number | null;
    place: string;
  };
}

/** Within the radius, or placed only by an area the person is in (which has no distance). */
const withinReach = (item: Item, radiusKm: number): boolean =>
  item.placePrecision === 'commune'
    ? item.explanation.distanceKm !== null && item.explanation.distanceKm <= radiusKm
    : item.explanation.distanceKm === null;

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
      expect(withinReach(item, 25)).toBe(true);
      expect(['cdi', 'cdd', 'interim']).toContain(item.contractType);
    }
  });

  it('counts a CACES R489 as covering forklift driving, and explains a target occupation as the person’s project', async () => {
    const response = await search({
      profile: {
        ...cleaner,
        experiences: [{ romeCode: 'N1103', months: 24 }],
        maxDistanceKm: 60,
        drivingLicence: true,
        contractTypes: ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'pmsmp', 'independant', 'other'],
        certificates: ['CACES R489 cat. 3'],
        targetOccupations: ['N1101'],
      },
      limit: 50,
    }).expect(200);
    const forklift = (response.body as { items: Item[] }).items.filter((item) => item.romeCode === 'N1101');
    expect(forklift.length).toBeGreaterThan(0);
    for (const item of forklift) {
      expect(item.explanation.occupationRelation).toBe('target');
      expect(item.explanation.occupationPath).toContain('(métier visé)');
      expect(item.explanation.missingCoreSkills.filter((label) => /chariot élévateur/i.test(label))).toEqual([]);
      expect(item.explanation.coveredBy).toContainEqual({
        skill: expect.stringMatching(/chariot élévateur/i) as unknown as string,
        by: 'CACES R489 cat. 3',
      });
    }
  });

  it('never returns an offer outside the radius, of an excluded contract, or asking for a licence the person lacks', async () => {
    const response = await search({
      profile: { ...cleaner, maxDistanceKm: 10, contractTypes: ['cdi'] },
      limit: 50,
    }).expect(200);
    const items = (response.body as { items: Item[] }).items;
    expect(items.every((item) => item.contractType === 'cdi' && withinReach(item, 10))).toBe(true);
    if (items.length > 0) {
      const rows: Array<{ n: string }> = await api.app
        .get(DataSource)
        .query(`SELECT count(*) AS n FROM offer WHERE id = ANY($1) AND cardinality(driving_licences) > 0`, [
          items.map((item) => item.id),
        ]);
      expect(Number(rows[0].n)).toBe(0);
    }
  });

  it('keeps offers placed only by their département or as nation-wide, finds them from that area only, and says so instead of a distance', async () => {
    const dataSource = api.app.get(DataSource);
    const places: Array<{ precision: string; n: string }> = await dataSource.query(
      `SELECT place_precision AS precision, count(*) AS n FROM offer WHERE source = 'france-travail-demo' GROUP BY 1`,
    );
    const count = (precision: string): number => Number(places.find((row) => row.precision === precision)?.n ?? 0);
    expect(count('departement')).toBeGreaterThan(0);
    expect(count('country')).toBeGreaterThan(0);
    const placeRejections: Array<{ n: string }> = await dataSource.query(
      `SELECT count(*) AS n FROM ingestion_rejection WHERE field = 'location'`,
    );
    expect(Number(placeRejections[0].n)).toBe(0);

    const [area]: Array<{ id: string; rome_code: string; place_label: string }> = await dataSource.query(
      `SELECT id, rome_code, place_label FROM offer
       WHERE place_precision = 'departement' AND departement = '59' AND rome_code IS NOT NULL AND status = 'open'
         AND duplicate_of IS NULL AND cardinality(driving_licences) = 0 ORDER BY id LIMIT 1`,
    );
    const [nationwide]: Array<{ id: string; rome_code: string }> = await dataSource.query(
      `SELECT id, rome_code FROM offer
       WHERE place_precision = 'country' AND rome_code IS NOT NULL AND status = 'open' AND duplicate_of IS NULL
         AND cardinality(driving_licences) = 0 ORDER BY id LIMIT 1`,
    );
    const contractTypes = ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'independant', 'other'];
    // The first hundred matches (two pages of 50) of someone who held the offer's occupation.
    const lookFor = async (inseeCode: string, romeCode: string): Promise<Item[]> => {
      const items: Item[] = [];
      for (const offset of [0, 50]) {
        const response = await search({
          profile: { ...cleaner, experiences: [{ romeCode, months: 60 }], commune: { inseeCode }, contractTypes },
          limit: 50,
          offset,
        }).expect(200);
        items.push(...(response.body as { items: Item[] }).items);
      }
      return items;
    };

    // From Lille (59), within 25 km: the Nord's offer is there, with its département instead of a distance.
    const fromLille = (await lookFor('59350', area.rome_code)).find((item) => item.id === area.id);
    expect(fromLille).toMatchObject({
      placePrecision: 'departement',
      placeLabel: 'Nord (59)',
      location: null,
      explanation: { distanceKm: null, place: 'dans le département : Nord (59)' },
    });
    // From Strasbourg (67), the Nord's offer is out of reach.
    expect((await lookFor('67482', area.rome_code)).some((item) => item.id === area.id)).toBe(false);
    // A nation-wide offer is found from both ends of the country, marked as such.
    for (const inseeCode of ['59350', '67482']) {
      const found = (await lookFor(inseeCode, nationwide.rome_code)).find((item) => item.id === nationwide.id);
      expect(found).toMatchObject({
        placePrecision: 'country',
        placeLabel: 'France',
        explanation: { distanceKm: null, place: 'en France (lieu non précisé)' },
      });
    }
  });

  it('shows an offer as it is now after an edit, never as kept from an earlier search', async () => {
    const first = ((await search({ profile: cleaner, limit: 5 }).expect(200)).body as { items: Item[] }).items;
    const edited = first[0];
    const db = api.app.get(DataSource);
    // An edit as ingestion writes one: new content, new content hash, the change queued for the index.
    await db.query(
      `UPDATE offer SET title = 'Agent de propreté (annonce modifiée)', content_hash = md5(random()::text) WHERE id = $1`,
      [edited.id],
    );
    await db.query('INSERT INTO offer_outbox (offer_id) VALUES ($1)', [edited.id]);
    await api.app.get(SyncOffersIndex).execute();
    const again = (
      (await search({ profile: cleaner, limit: 50 }).expect(200)).body as { items: Array<Item & { title: string }> }
    ).items;
    expect(again.find((item) => item.id === edited.id)?.title).toBe('Agent de propreté (annonce modifiée)');
  });

  it('gives the same ranking for the same input, every time', async () => {
    const first = (await search({ profile: cleaner, limit: 30 }).expect(200)).body as { items: Item[] };
    const second = (await search({ profile: cleaner, limit: 30 }).expect(200)).body as { items: Item[] };
    expect(second.items.map((item) => [item.id, item.score])).toEqual(first.items.map((item) => [item.id, item.score]));
  });

  it.each([
    [{ ...cleaner, experiences: [{ romeCode: 'Z9999', months: 3 }] }, 'profile.experiences.0.romeCode'],
    [{ ...cleaner, maxDistanceKm: -3 }, 'profile.maxDistanceKm'],
    [{ ...cleaner, maxDistanceKm: 10_000 }, 'profile.maxDistanceKm'],
    [{ ...cleaner, skills: Array.from({ length: 500 }, (_, i) => String(100000 + i)) }, 'profile.skills'],
  ])('refuses malformed input with 400 naming the field (%#)', async (profile, field) => {
    const response = await search({ profile }).expect(400);
    expect((response.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field)).toContain(
      field,
    );
  });

  it.each([
    [{ ...cleaner, experiences: [{ romeCode: 'A0000', months: 3 }] }, 'profile.experiences.0.romeCode'],
    [{ ...cleaner, commune: { inseeCode: '99999' } }, 'profile.commune'],
  ])('refuses a code the referential does not know with 422 naming the field (%#)', async (profile, field) => {
    const response = await search({ profile }).expect(422);
    expect(response.body).toMatchObject({ code: 'matching.invalid_profile' });
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

  it('answers a matched search only to an admitted user: a refusal (role, ended session, disabled user) wins over results and over validation errors', async () => {
    const searchAs = (accessToken: string, body: object) =>
      request(api.url).post('/matching/search').auth(accessToken, { type: 'bearer' }).send(body);
    const valid = { profile: cleaner, limit: 20 };
    const invalid = { profile: { ...cleaner, maxDistanceKm: -3 }, limit: 20 };
    await searchAs('not-a-token', valid).expect(401);
    await request(api.url).post('/matching/search').send(valid).expect(401);

    // A role without offers.read (the admin): refused, never a result nor a validation error.
    for (const body of [valid, invalid])
      expect((await searchAs(org.admin.accessToken, body).expect(403)).body).toMatchObject({ code: 'auth.forbidden' });

    // An ended session: its still unexpired access token gets nothing.
    const { coachNord } = org.users;
    const session = await login(api, coachNord.email, TEST_PASSWORD).expect(200);
    const accessToken = (session.body as { accessToken: string }).accessToken;
    expect((await searchAs(accessToken, valid).expect(200)).body).toMatchObject({ items: expect.any(Array) });
    await withRefreshCookie(api, '/auth/logout', refreshCookieOf(session)).expect(204);
    for (const body of [valid, invalid])
      expect((await searchAs(accessToken, body).expect(401)).body).toMatchObject({ code: 'auth.session_ended' });

    // A disabled user, at once.
    await searchAs(coachNord.accessToken, valid).expect(200);
    await request(api.url)
      .patch(`/users/${coachNord.id}`)
      .auth(org.admin.accessToken, { type: 'bearer' })
      .send({ status: 'disabled' })
      .expect(200);
    for (const body of [valid, invalid])
      expect((await searchAs(coachNord.accessToken, body).expect(401)).body).toMatchObject({
        code: 'auth.user_inactive',
      });
  });
});
