import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  createTestContext,
  binary,
  pdfText,
  seedOrganisation,
  spaceTokenMailedTo,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

const today = parisToday();
const EMAIL = 'amina.contrat@exemple.fr';
const HEALTH_CANARY = 'Canari-lombalgie';
const BARRIER_CANARY = 'Canari-surendettement';
const JOURNAL_CANARY = 'Canari-entretien';

/**
 * The person downloads their running CER from their own space (« Télécharger mon contrat (PDF) »):
 * only from a browser already admitted to the link (a download never admits one), audited as their
 * own export, with nothing of the file beyond the contract (no barrier, health note, journal, no
 * welfare wording); a revoked link gives nothing.
 */
describe('the person’s space: my contract as a PDF', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let personId: string;
  let token: string;
  let cookie: string;
  const coach = () => asUser(api, org.users.coachLille);
  const pdfPath = () => `/espace/${token}/contrat.pdf`;
  const devices = async (): Promise<number> => {
    const rows: Array<{ n: string }> = await db.query(
      `SELECT count(*) AS n FROM person_space_device d JOIN person_space_link l ON l.id = d.link_id
       WHERE l.beneficiary_id = $1`,
      [personId],
    );
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: { CARD_RATE_LIMIT_PER_MINUTE: '1000', CARD_LINK_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const created = await coach()
      .post('/beneficiaries', {
        firstName: 'Amina',
        lastName: 'Contrat',
        email: EMAIL,
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -30),
      })
      .expect(201);
    personId = (created.body as { id: string }).id;
    await coach().post(`/beneficiaries/${personId}/consents`, { purpose: 'contact_by_email' }).expect(201);
    await coach()
      .post(`/beneficiaries/${personId}/barriers`, { kind: 'health', status: 'identified', healthNote: HEALTH_CANARY })
      .expect(201);
    await coach()
      .post(`/beneficiaries/${personId}/barriers`, { kind: 'debt', status: 'identified', description: BARRIER_CANARY })
      .expect(201);
    await coach()
      .post(`/beneficiaries/${personId}/events`, { kind: 'meeting', occurredOn: today, note: JOURNAL_CANARY })
      .expect(201);
    await coach().post(`/beneficiaries/${personId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('a download never admits a browser: a fresh link’s PDF sends it to the page, and no device is recorded', async () => {
    const response = await request(api.url).get(pdfPath()).expect(303);
    expect(response.headers.location).toBe(`/espace/${token}`);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await devices()).toBe(0);
  });

  it('offers no download while no CER runs, and the PDF address says so', async () => {
    const page = await request(api.url).get(`/espace/${token}`).expect(200);
    cookie = ([] as string[])
      .concat(page.headers['set-cookie'] ?? [])
      .find((value) => value.startsWith('passerelle_espace='))!
      .split(';')[0];
    expect(page.text).not.toContain('Télécharger mon contrat');
    const none = await request(api.url).get(pdfPath()).set('Cookie', cookie).expect(404);
    expect(none.text).toContain('Vous n’avez pas de contrat d’engagements en cours.');
  });

  it('the admitted browser downloads the running CER: the contract only, no welfare wording, audited as the person’s own export', async () => {
    const cer = await coach()
      .post(`/beneficiaries/${personId}/cers`, {
        signedOn: addDays(today, -5),
        startDate: addDays(today, -5),
        beneficiaryCommitments: ['Passer le permis B'],
        serviceCommitments: ['Financer le code de la route'],
      })
      .expect(201);
    const cerId = (cer.body as { id: string }).id;
    await coach()
      .post(`/beneficiaries/${personId}/objectives`, {
        title: 'Obtenir le permis B',
        cerId,
        commitment: 'Passer le permis B',
      })
      .expect(201);
    const page = await request(api.url).get(`/espace/${token}`).set('Cookie', cookie).expect(200);
    expect(page.text).toContain(`<a href="/espace/${token}/contrat.pdf" download>Télécharger mon contrat (PDF)</a>`);

    const response = await binary(request(api.url).get(pdfPath()).set('Cookie', cookie)).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="contrat-engagements-${addDays(today, -5)}.pdf"`,
    );
    const text = pdfText(response.body as Buffer);
    for (const expected of [
      'Mon contrat d’engagements réciproques (CER)',
      'Vos nom et prénom : Amina Contrat',
      'Votre conseiller·ère : coach.lille',
      '•  Passer le permis B',
      '•  Financer le code de la route',
      'Obtenir le permis B',
    ])
      expect(text).toContain(expected);
    for (const canary of [HEALTH_CANARY, BARRIER_CANARY, JOURNAL_CANARY]) expect(text).not.toContain(canary);
    expect(text).not.toMatch(/\bRSA\b|revenu de solidarité|allocataire|allocation|minima sociaux/i);

    const audit: Array<{ actor_user_id: string | null; action: string; details: Record<string, unknown> }> =
      await db.query(
        `SELECT actor_user_id, action, details FROM audit_event
         WHERE subject_id = $1 AND details ->> 'part' = 'cer_pdf'`,
        [personId],
      );
    expect(audit).toEqual([
      {
        actor_user_id: null,
        action: 'export',
        details: expect.objectContaining({ by: 'person', cerId }),
      },
    ]);
  });

  it('another browser is sent to the page for its code, and a revoked link gives nothing', async () => {
    const stranger = await request(api.url).get(pdfPath()).expect(303);
    expect(stranger.headers.location).toBe(`/espace/${token}`);
    expect(await devices()).toBe(1);
    await coach().delete(`/beneficiaries/${personId}/space-links`).expect(204);
    const revoked = await request(api.url).get(pdfPath()).set('Cookie', cookie).expect(410);
    expect(revoked.headers['content-type']).toMatch(/text\/html/);
    const exports: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE subject_id = $1 AND details ->> 'part' = 'cer_pdf'`,
      [personId],
    );
    expect(exports).toHaveLength(1);
  });
});
