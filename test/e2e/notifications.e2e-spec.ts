import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createMeiliClient } from '@passerelle/core';
import { SyncOffersIndex } from '@passerelle/matching';
import {
  as as asUser,
  createTestContext,
  diagnosedPerson,
  personValidatedCard,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

interface Notice {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  message: string;
  readAt: string | null;
}

/**
 * The inbox as the API keeps it: what a mediator's request, a coach's answer and an employer's
 * answer record, for whom; each user reads and marks only their own. Also the two mediation fixes
 * the inbox's journey needs: the mediator records the person's acceptance, and a job analysis's
 * real requirements become its offer's skills.
 */
describe('notifications: a mediator’s request, the coach’s answer, the employer’s answer', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let offerId: string;
  let personId: string;
  let requestId: string;
  let introductionId: string;

  const as = (user: TestUser) => asUser(api, user);
  const inbox = async (user: TestUser): Promise<Notice[]> =>
    ((await as(user).get('/notifications').expect(200)).body as { items: Notice[] }).items;
  const unread = async (user: TestUser): Promise<number> =>
    ((await as(user).get('/notifications/unread-count').expect(200)).body as { unread: number }).unread;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const employer = await as(org.users.staffNord)
      .post('/employers', { name: 'Nettoyage du Nord', commune: { inseeCode: '59350' } })
      .expect(201);
    const employerId = (employer.body as { id: string }).id;
    const analysis = await as(org.users.staffNord)
      .post(`/employers/${employerId}/job-analyses`, {
        title: 'Agent de propreté',
        romeCode: 'K2204',
        tasks: ['Nettoyer les bureaux'],
        tools: ['autolaveuse'],
        initialRequirements: ['CAP agent de propreté'],
        realRequirements: ['Doser les produits', 'Sens du travail bien fait'],
        negotiatedAway: ['CAP agent de propreté'],
        contractType: 'CDI',
        workingTime: 'full_time',
        analysedOn: new Date().toISOString().slice(0, 10),
        publish: true,
      })
      .expect(201);
    offerId = (analysis.body as { offerId: string }).offerId;
    personId = await diagnosedPerson(api.url, org.users.coachLille, 'Odile', {
      romeCode: 'K2204',
      contractTypes: ['cdi'],
    });
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('gives a published job analysis’s real requirements and tools to its offer as skills, in ROME words when the referential has them', async () => {
    const rows: Array<{ skills: string[] }> = await db.query('SELECT skills FROM offer WHERE id = $1', [offerId]);
    expect(rows[0].skills).toEqual([
      "Doser des produits d'entretien",
      'Sens du travail bien fait',
      "Utilisation d'autolaveuses",
    ]);
    const offer = await as(org.users.staffNord).get(`/offers/${offerId}`).expect(200);
    expect((offer.body as { skills: string[] }).skills).toEqual(rows[0].skills);
    // In the index, the matcher counts them as what the job requires: the skills worded by the referential are
    // among the offer's core skills, though the occupation alone does not make them core.
    const client = createMeiliClient(context.config.meilisearch.url, context.config.meilisearch.masterKey);
    const document = await client
      .index(`${context.config.meilisearch.indexPrefix}offers`)
      .getDocument<{ skills: string[]; coreSkillIds: string[] }>(offerId);
    expect(document.skills).toEqual(rows[0].skills);
    const codes: Array<{ code_ogr: string }> = await db.query(
      'SELECT code_ogr FROM ref_skill WHERE label = ANY($1::text[]) ORDER BY label',
      [["Doser des produits d'entretien", "Utilisation d'autolaveuses"]],
    );
    expect(codes).toHaveLength(2);
    expect(document.coreSkillIds).toEqual(expect.arrayContaining(codes.map((row) => row.code_ogr)));
  });

  it('tells the person’s coach of a mediator’s request, and nobody else', async () => {
    const candidates = await as(org.users.staffNord).get(`/offers/${offerId}/candidates`).expect(200);
    const own = await as(org.users.coachLille).get(`/offers/${offerId}/candidates`).expect(200);
    const ref = (own.body as { items: Array<{ ref: string; beneficiaryId: string | null }> }).items.find(
      (item) => item.beneficiaryId === personId,
    )!.ref;
    expect((candidates.body as { items: Array<{ ref: string }> }).items.map((item) => item.ref)).toContain(ref);
    const asked = await as(org.users.staffNord)
      .post(`/offers/${offerId}/candidates/${ref}/requests`, { message: 'Disponible lundi ?' })
      .expect(201);
    requestId = (asked.body as { id: string }).id;

    const coachInbox = await inbox(org.users.coachLille);
    expect(coachInbox).toEqual([
      expect.objectContaining({
        kind: 'candidate_request',
        subjectType: 'candidate_request',
        subjectId: requestId,
        readAt: null,
        message: expect.stringContaining('« Agent de propreté »') as unknown,
      }),
    ]);
    // The text names the offer, never the person.
    expect(coachInbox[0].message).not.toMatch(/Odile|Secretnom/);
    expect(await unread(org.users.coachLille)).toBe(1);
    for (const other of [org.users.staffNord, org.users.coachNord, org.users.managerNord]) {
      expect(await inbox(other)).toEqual([]);
      expect(await unread(other)).toBe(0);
    }
    await request(api.url).get('/notifications').expect(401);
    await request(api.url).get('/notifications/unread-count').expect(401);
  });

  it('lets only the recipient mark a notification read, once and for all', async () => {
    const [notice] = await inbox(org.users.coachLille);
    await as(org.users.coachNord).post(`/notifications/${notice.id}/read`).expect(404);
    await as(org.users.staffNord).post(`/notifications/${notice.id}/read`).expect(404);
    expect(await unread(org.users.coachLille)).toBe(1);

    await as(org.users.coachLille).post(`/notifications/${notice.id}/read`).expect(204);
    expect(await unread(org.users.coachLille)).toBe(0);
    const rows: Array<{ read_at: Date }> = await db.query('SELECT read_at FROM user_notification WHERE id = $1', [
      notice.id,
    ]);
    const readAt = rows[0].read_at;
    expect(readAt).toBeInstanceOf(Date);
    await as(org.users.coachLille).post(`/notifications/${notice.id}/read`).expect(204);
    const again: Array<{ read_at: Date }> = await db.query('SELECT read_at FROM user_notification WHERE id = $1', [
      notice.id,
    ]);
    expect(again[0].read_at).toEqual(readAt);
    expect((await as(org.users.coachLille).get('/notifications?unread=true').expect(200)).body).toEqual({ items: [] });
    await as(org.users.coachLille).post('/notifications/not-a-uuid/read').expect(400);
  });

  it('leads the mediator to the introduction the coach’s agreement opened, where the mediator records the person’s acceptance', async () => {
    const agreed = await as(org.users.coachLille)
      .post(`/candidate-requests/${requestId}/decision`, { agree: true })
      .expect(200);
    introductionId = (agreed.body as { introductionId: string }).introductionId;
    expect(introductionId).toEqual(expect.any(String));
    expect(await inbox(org.users.staffNord)).toEqual([
      expect.objectContaining({
        kind: 'candidate_request_answered',
        subjectType: 'introduction',
        subjectId: introductionId,
      }),
    ]);

    // The person says yes to the mediator: the card is built from what it shows of the file.
    const accepted = await as(org.users.staffNord)
      .post(`/introductions/${introductionId}/transitions`, { to: 'accepted' })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', card: expect.objectContaining({ firstName: 'Odile' }) });
    const audited: Array<{ details: Record<string, unknown> }> = await db.query(
      `SELECT details FROM audit_event WHERE actor_user_id = $1 AND action = 'read' AND details ->> 'part' = 'card'`,
      [org.users.staffNord.id],
    );
    expect(audited).toEqual([expect.objectContaining({ details: expect.objectContaining({ introductionId }) })]);
    // Still no coaching file for the mediator.
    await as(org.users.staffNord).get(`/beneficiaries/${personId}`).expect(404);
  });

  it('tells everyone following the introduction of the employer’s answers, a second answer unread again', async () => {
    await as(org.users.coachLille)
      .post(`/beneficiaries/${personId}/consents`, { purpose: 'share_profile_with_employers' })
      .expect(201);
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, {
      beneficiaryId: personId,
      introductionId,
    });
    const link = await as(org.users.staffNord).post(`/introductions/${introductionId}/links`, {}).expect(201);
    const cardPath = new URL((link.body as { url: string }).url).pathname;
    await request(api.url)
      .post(cardPath)
      .type('form')
      .send({ answer: 'question', message: 'Peut-elle commencer à 6 h ?' })
      .expect(200);
    for (const user of [org.users.staffNord, org.users.coachLille]) {
      const answers = (await inbox(user)).filter((item) => item.kind === 'employer_answer');
      expect(answers).toEqual([
        expect.objectContaining({ subjectType: 'introduction', subjectId: introductionId, readAt: null }),
      ]);
      // The employer's own words stay on the introduction's page.
      expect(answers[0].message).toBe(
        'Nettoyage du Nord a répondu à la fiche pour « Agent de propreté » : une question vous attend.',
      );
    }
    expect((await inbox(org.users.coachNord)).length).toBe(0);

    const [answer] = (await inbox(org.users.coachLille)).filter((item) => item.kind === 'employer_answer');
    await as(org.users.coachLille).post(`/notifications/${answer.id}/read`).expect(204);
    await request(api.url).post(cardPath).type('form').send({ answer: 'interested' }).expect(200);
    const [again] = (await inbox(org.users.coachLille)).filter((item) => item.kind === 'employer_answer');
    expect(again).toMatchObject({
      id: answer.id,
      readAt: null,
      message: 'Nettoyage du Nord a répondu à la fiche pour « Agent de propreté » : souhaite rencontrer la personne.',
    });
  });
});
