import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { addDays, parisToday } from '@passerelle/coaching';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';
import { acceptedIntroduction } from '../support/card-link-fixture.js';

interface OfferBody {
  id: string;
  title: string;
  source: string;
  status: string;
  closedReason: string | null;
  departement: string | null;
  employerSiret: string | null;
  weeklyHours: number | null;
}
interface OfferPage {
  items: OfferBody[];
  total: number;
}

/**
 * Platform staff's offers through the API: keyword search on the server (Meilisearch, with the
 * filters and paging), manual postings checked like an employer's SIRET and never already expired,
 * offers edited, closed and filled (by hand or by a hire), and a site description tried on one page.
 */
describe('platform staff manage offers and sources', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let demo: DemoSources;
  let db: DataSource;
  let soudeurId: string;

  const staff = () => as(api, org.users.staffNord);
  const sync = async (): Promise<void> => {
    await api.app.get(SyncOffersIndex).execute();
  };
  const searchIds = async (query: string): Promise<string[]> =>
    ((await staff().get(`/offers?${query}`).expect(200)).body as OfferPage).items.map((offer) => offer.id);
  const soudeur = {
    title: 'Soudeur TIG H/F',
    description: 'Soudure TIG de pièces en inox pour un atelier de chaudronnerie. Poste négocié avec l’employeur.',
    employerName: 'Chaudronnerie du Hainaut',
    employerSiret: '73282932000074',
    location: 'Valenciennes (59300)',
    contractType: 'CDI',
    workingTime: 'Temps plein',
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    demo = await startDemoSources({
      seed: 11,
      crawlDelaySeconds: 0,
      nordemploi: { count: 12, pageSize: 10 },
      jobConnexion: { count: 3 },
      franceTravail: { count: 120, region: 'nord' },
    });
    api = await startApi(context.config);
    db = api.app.get(DataSource);
    org = await seedOrganisation(api);
    const manage = api.app.get(ManageSources);
    for (const input of demoSourceInputs(demo))
      await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
    await api.app.get(RunIngestion).execute('france-travail-demo', { trigger: 'manual' });
  });

  afterAll(async () => {
    await api?.close();
    await demo?.close();
    await context?.cleanup();
  });

  it('answers a keyword search 503 matching.index_not_ready before the offers index exists, and lists from Postgres without keywords', async () => {
    const early = await staff().get('/offers?q=soudeur').expect(503);
    expect(early.body).toMatchObject({ code: 'matching.index_not_ready' });
    const page = (await staff().get('/offers?limit=5').expect(200)).body as OfferPage;
    expect(page.total).toBeGreaterThan(50);
  });

  it('refuses an invalid SIRET and a past expiry date by field, and writes nothing', async () => {
    const [{ n: before }] = await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM offer');
    const refused = await staff()
      .post('/offers', { ...soudeur, employerSiret: '73282932000075', expiresAt: addDays(parisToday(), -1) })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'offer.invalid' });
    expect((refused.body as { details: unknown[] }).details).toEqual([
      { field: 'employerSiret', reason: 'not a valid SIRET (14 digits, checksum)' },
      { field: 'expiresAt', reason: 'is in the past' },
    ]);
    const [{ n: after }] = await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM offer');
    expect(after).toBe(before);
  });

  it('lists a new manual offer first and finds it by keyword, whatever the accents and case, with the filters and paging', async () => {
    const posted = await staff()
      .post('/offers', { ...soudeur, expiresAt: addDays(parisToday(), 30) })
      .expect(201);
    soudeurId = (posted.body as OfferBody).id;
    expect((await searchIds('limit=3'))[0]).toBe(soudeurId);
    await sync();

    expect(await searchIds('q=SOUDEUR')).toContain(soudeurId);
    expect(await searchIds('q=soudéur')).toContain(soudeurId);
    // Newest first by default: the offer just posted leads the keyword results too.
    expect((await searchIds('q=soudeur'))[0]).toBe(soudeurId);
    expect(await searchIds('q=soudeur&departement=59&contractType=cdi')).toContain(soudeurId);
    expect(await searchIds('q=soudeur&departement=62')).not.toContain(soudeurId);
    expect(await searchIds('q=soudeur&source=france-travail-demo')).not.toContain(soudeurId);

    // Paging is the index's: a keyword that many offers share is counted and paged on the server.
    const all = (await staff().get('/offers?q=agent&limit=200').expect(200)).body as OfferPage;
    expect(all.total).toBeGreaterThan(2);
    expect(all.items).toHaveLength(all.total);
    const second = (await staff().get('/offers?q=agent&limit=2&offset=2').expect(200)).body as OfferPage;
    expect(second.total).toBe(all.total);
    expect(second.items.map((offer) => offer.id)).toEqual(all.items.slice(2, 4).map((offer) => offer.id));

    const scope = await staff().get('/offers?q=soudeur&status=closed').expect(400);
    expect(scope.body).toMatchObject({ code: 'offers.search_scope', details: [{ field: 'status' }] });
  });

  it('edits a posted offer with the same checks, and refuses to edit an ingested one', async () => {
    const edited = await staff()
      .put(`/offers/${soudeurId}`, { ...soudeur, title: 'Soudeur TIG confirmé H/F', weeklyHours: '35' })
      .expect(200);
    expect(edited.body).toMatchObject({ id: soudeurId, title: 'Soudeur TIG confirmé H/F', weeklyHours: 35 });
    const bad = await staff()
      .put(`/offers/${soudeurId}`, { ...soudeur, expiresAt: addDays(parisToday(), -3) })
      .expect(422);
    expect(bad.body).toMatchObject({ details: [{ field: 'expiresAt', reason: 'is in the past' }] });
    const [ingested] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM offer WHERE source = 'france-travail-demo' AND status = 'open' LIMIT 1`,
    );
    await staff().put(`/offers/${ingested.id}`, soudeur).expect(409);
    await as(api, org.users.coachLille).put(`/offers/${soudeurId}`, soudeur).expect(403);
  });

  it('closes an offer: it leaves the index, shows closed, and its source does not reopen it', async () => {
    await as(api, org.users.coachLille).post(`/offers/${soudeurId}/close`, { reason: 'manual' }).expect(403);
    const closed = await staff().post(`/offers/${soudeurId}/close`, { reason: 'manual' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'manual' });
    await sync();
    expect(await searchIds('q=soudeur')).not.toContain(soudeurId);
    expect(await searchIds('status=closed&limit=200')).toContain(soudeurId);
    await staff().put(`/offers/${soudeurId}`, soudeur).expect(409);

    const [ingested] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM offer WHERE source = 'france-travail-demo' AND status = 'open' ORDER BY id LIMIT 1`,
    );
    await staff().post(`/offers/${ingested.id}/close`, { reason: 'filled' }).expect(200);
    await api.app.get(RunIngestion).execute('france-travail-demo', { trigger: 'manual' });
    const [row] = await db.query<Array<{ status: string; closed_reason: string }>>(
      'SELECT status, closed_reason FROM offer WHERE id = $1',
      [ingested.id],
    );
    expect(row).toEqual({ status: 'closed', closed_reason: 'filled' });
  });

  it('closes the offer as filled when a hire on an introduction for it is recorded as a placement', async () => {
    const introduction = await acceptedIntroduction(api.url, org);
    await sync();
    expect(await searchIds('q=boulangerie')).toContain(introduction.offerId);
    const mediator = as(api, org.users.staffNord);
    await mediator.post(`/introductions/${introduction.introductionId}/transitions`, { to: 'employer_interested' });
    await mediator
      .post(`/introductions/${introduction.introductionId}/transitions`, {
        to: 'interview',
        interviewAt: `${addDays(parisToday(), 2)}T10:00:00+01:00`,
        interviewPlace: 'À la boutique',
      })
      .expect(200);
    await mediator.post(`/introductions/${introduction.introductionId}/transitions`, { to: 'hired' }).expect(200);
    const [open] = await db.query<Array<{ status: string }>>('SELECT status FROM offer WHERE id = $1', [
      introduction.offerId,
    ]);
    expect(open.status).toBe('open');

    await mediator
      .post('/placements', {
        introductionId: introduction.introductionId,
        contractType: 'cdi',
        startDate: parisToday(),
      })
      .expect(201);
    const [row] = await db.query<Array<{ status: string; closed_reason: string }>>(
      'SELECT status, closed_reason FROM offer WHERE id = $1',
      [introduction.offerId],
    );
    expect(row).toEqual({ status: 'closed', closed_reason: 'filled' });
    await sync();
    expect(await searchIds('q=boulangerie')).not.toContain(introduction.offerId);
  });

  it('tries a site description on one page: what it extracts, why a page is rejected, and the address rules', async () => {
    const description = demo.nordemploi.description as unknown as Record<string, unknown>;
    const id = demo.fixtures.nordemploi.wellFormed[0];
    const tried = await staff()
      .post('/sources/try', { kind: 'html_board', config: description, url: `${demo.baseUrl}/nordemploi/offres/${id}` })
      .expect(200);
    expect(tried.body).toMatchObject({
      fields: { title: demo.catalog.offer(id)?.title },
      offer: { title: demo.catalog.offer(id)?.title },
      rejection: null,
    });

    const missing = demo.fixtures.nordemploi.missingTitle[0];
    const rejected = await staff()
      .post('/sources/try', {
        kind: 'html_board',
        config: description,
        url: `${demo.baseUrl}/nordemploi/offres/${missing}`,
      })
      .expect(200);
    expect(rejected.body).toMatchObject({
      offer: null,
      rejection: { field: 'title', reason: expect.stringMatching(/^missing: nothing matches /) as unknown },
    });

    const broken = await staff()
      .post('/sources/try', {
        kind: 'html_board',
        config: { ...description, offer: { externalId: { fromUrl: '(' }, fields: {} } },
        url: `${demo.baseUrl}/nordemploi/offres/${id}`,
      })
      .expect(422);
    expect((broken.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field)).toEqual([
      'config.offer.externalId.fromUrl',
      'config.offer.fields.title',
    ]);

    // A page on a private address the operator does not trust is never fetched.
    const internal = await staff()
      .post('/sources/try', { kind: 'html_board', config: description, url: 'http://169.254.169.254/latest/meta-data' })
      .expect(422);
    expect((internal.body as { details: Array<{ field: string }> }).details).toEqual([
      expect.objectContaining({ field: 'url' }),
    ]);

    const unreachable = await staff()
      .post('/sources/try', { kind: 'html_board', config: description, url: `${demo.baseUrl}/nordemploi/nulle-part` })
      .expect(422);
    expect(unreachable.body).toMatchObject({ code: 'source.page_unreachable', details: [{ field: 'url' }] });
    await as(api, org.users.coachLille)
      .post('/sources/try', { kind: 'html_board', config: description, url: `${demo.baseUrl}/nordemploi/offres/${id}` })
      .expect(403);
  });
});
