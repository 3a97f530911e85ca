import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { RunIngestion } from '@passerelle/ingestion';
import {
  createTestContext,
  seedOrganisation,
  spawnBuilt,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

describe('offers and sources through the API', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let demo: DemoSources;

  const as = (token: string) => ({
    get: (path: string) => request(api.url).get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => request(api.url).post(path).auth(token, { type: 'bearer' }),
    patch: (path: string) => request(api.url).patch(path).auth(token, { type: 'bearer' }),
  });
  const offerCount = async (): Promise<number> =>
    Number((await api.app.get(DataSource).query<Array<{ n: string }>>('SELECT count(*) AS n FROM offer'))[0]?.n);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    demo = await startDemoSources({ seed: 3, crawlDelaySeconds: 0, nordemploi: { count: 25, pageSize: 10 } });
  });

  afterAll(async () => {
    await api?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('lets platform staff register a board from its description, and refuses a broken description with the field at fault', async () => {
    const staff = as(org.users.staffNord.accessToken);
    const bad = await staff
      .post('/sources')
      .send({
        name: 'broken-board',
        label: 'Broken',
        kind: 'html_board',
        config: {
          listing: { url: 'not a url', offerLink: '' },
          offer: { externalId: { fromUrl: '(' }, fields: { salaire: { selector: 'x' } } },
        },
      })
      .expect(422);
    expect((bad.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field)).toEqual([
      'config.listing.url',
      'config.listing.offerLink',
      'config.offer.externalId.fromUrl',
      'config.offer.fields.title',
      'config.offer.fields.salaire',
    ]);
    const created = await staff
      .post('/sources')
      .send({
        name: 'nordemploi',
        label: 'Nordemploi',
        kind: 'html_board',
        config: demo.nordemploi.description,
        rateLimitPerSecond: 20,
      })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'nordemploi', kind: 'html_board', enabled: true });
    const listed = await staff.get('/sources').expect(200);
    expect((listed.body as Array<{ name: string }>).map((source) => source.name)).toEqual(
      expect.arrayContaining(['manual', 'nordemploi']),
    );
  });

  it('never shows a source secret', async () => {
    const staff = as(org.users.staffNord.accessToken);
    const created = await staff
      .post('/sources')
      .send({
        name: 'ft-compatible',
        label: 'FT',
        kind: 'france_travail',
        config: { ...demo.franceTravail, departements: ['59'] },
      })
      .expect(201);
    expect(created.body.config.clientSecret).toBe('***');
  });

  it('shows runs with their counts and each rejected record with its reason', async () => {
    const staff = as(org.users.staffNord.accessToken);
    await api.app.get(RunIngestion).execute('nordemploi', { trigger: 'manual' });
    const sources = (await staff.get('/sources').expect(200)).body as Array<{ id: string; name: string }>;
    const nordemploi = sources.find((source) => source.name === 'nordemploi')!;
    const runs = await staff.get(`/sources/${nordemploi.id}/runs`).expect(200);
    const run = (runs.body as { items: Array<{ id: string; status: string; rejected: number; created: number }> })
      .items[0];
    expect(run.status).toBe('succeeded');
    expect(run.rejected).toBe(demo.fixtures.nordemploi.missingTitle.length + demo.fixtures.nordemploi.notFound.length);
    const rejections = await staff.get(`/runs/${run.id}/rejections`).expect(200);
    expect((rejections.body as { items: Array<{ reason: string }> }).items.map((item) => item.reason).sort()).toEqual(
      expect.arrayContaining(['HTTP 404']),
    );
    const queued = await staff.post(`/sources/${nordemploi.id}/runs`).expect(202);
    expect(queued.body).toMatchObject({ source: 'nordemploi' });
  });

  it('lets coaches read offers, with the copies of a cross-posted one', async () => {
    const coach = as(org.users.coachLille.accessToken);
    const page = await coach.get('/offers?limit=5&departement=59').expect(200);
    const items = (page.body as { items: Array<{ id: string; departement: string; status: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((offer) => offer.departement === '59' && offer.status === 'open')).toBe(true);
    await coach.get(`/offers/${items[0].id}`).expect(200);
    await coach.get('/sources').expect(403);
    await coach.post('/offers').send({ title: 'x', description: 'y', location: 'Lille' }).expect(403);
  });

  it('posts an offer by hand with the same normalisation, and refuses a bad one without writing anything', async () => {
    const staff = as(org.users.staffNord.accessToken);
    const posted = await staff
      .post('/offers')
      .send({
        title: 'Agent de propreté H/F',
        description: 'Entretien des locaux d’une PME, horaires du matin. Poste négocié avec l’employeur (IOD).',
        employerName: 'Propreté du Hainaut',
        location: 'Valenciennes (59300)',
        contractType: 'CDD',
        contractDuration: '6 mois',
        workingTime: 'Temps partiel',
        weeklyHours: '24',
        salary: '11,88 € de l’heure',
      })
      .expect(201);
    expect(posted.body).toMatchObject({
      source: 'manual',
      communeName: 'Valenciennes',
      departement: '59',
      contractType: 'cdd',
      contractDurationMonths: 6,
      workingTime: 'part_time',
      weeklyHours: 24,
      salaryMin: 11.88,
      salaryPeriod: 'hour',
      status: 'open',
    });
    expect(posted.body.romeCode).toMatch(/^K22/);

    const before = await offerCount();
    const unknownPlace = await staff
      .post('/offers')
      .send({ title: 'Cariste', description: 'Conduite de chariot.', location: 'Atlantis' })
      .expect(422);
    expect(unknownPlace.body).toMatchObject({
      statusCode: 422,
      details: [{ field: 'location', reason: 'unknown place: Atlantis' }],
    });
    const badTypes = await staff
      .post('/offers')
      .send({ title: 12, description: 'x', postalCode: '5900', hack: true })
      .expect(400);
    expect(
      new Set((badTypes.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field)),
    ).toEqual(new Set(['hack', 'postalCode', 'title']));
    expect(await offerCount()).toBe(before);
  });

  it('cli extract prints the normalised offer of one page, or the reason with a non-zero exit', async () => {
    const id = demo.fixtures.nordemploi.wellFormed[0];
    const ok = spawnBuilt('apps/cli/src/main.js', ['extract', `${demo.baseUrl}/nordemploi/offres/${id}`], context.env);
    expect(await ok.exited).toBe(0);
    const extraction = JSON.parse(ok.output()) as { parser: string; offer: { title: string } };
    expect(extraction).toMatchObject({ parser: 'nordemploi', offer: { title: demo.catalog.offer(id)?.title } });

    const missing = demo.fixtures.nordemploi.missingTitle[0];
    const refused = spawnBuilt(
      'apps/cli/src/main.js',
      ['extract', `${demo.baseUrl}/nordemploi/offres/${missing}`],
      context.env,
    );
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toMatch(/^passerelle: title: missing/);
  });
});
