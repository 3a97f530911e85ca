import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CapturingSmsSender, SmsSender } from '@passerelle/core';
import {
  as as asUser,
  createTestContext,
  personValidatedCard,
  seedOrganisation,
  spaceTokenMailedTo,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';
import { acceptedIntroduction, type AcceptedIntroduction, publishedOffer } from '../support/card-link-fixture.js';

const EMAIL = 'jeannine@exemple.fr';
const PHONE = '06 12 34 56 78';

/**
 * The person's own space, reached by a link with no account: sent only through a channel the person
 * consented to and never shown to staff; the first browser is admitted, another one needs a short
 * code (counted, rate-limited); forged, expired or revoked links open nothing; every view and act is
 * audited as the person's own; no card leaves for an employer before the person validated it.
 */
describe('the person’s space: the link, the devices, the card validation gate', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let sms: CapturingSmsSender;
  let intro: AcceptedIntroduction;
  let token: string;
  const as = (user: TestUser) => asUser(api, user);
  const coach = () => as(org.users.coachLille);
  const space = (path = '') => `/espace/${token}${path}`;
  const cookieOf = (response: request.Response): string =>
    ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.startsWith('passerelle_espace='))!;
  const versionOf = (html: string, introductionId: string): string =>
    new RegExp(`fiches/${introductionId}"[^>]*>\\s*<input type="hidden" name="version" value="([0-9a-f]+)"`).exec(
      html,
    )![1];

  beforeAll(async () => {
    // The public pages' rate limits are the card pages' (tested there); the many requests here stay under them.
    context = await createTestContext({
      referential: true,
      env: { CARD_RATE_LIMIT_PER_MINUTE: '1000', CARD_LINK_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    intro = await acceptedIntroduction(api.url, org);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('sends the link only through a channel the person consented to, never shows it to staff, and admits the first browser', async () => {
    const refused = await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(422);
    expect(refused.body).toMatchObject({ code: 'space.no_channel', details: [{ field: 'channel' }] });
    await coach().patch(`/beneficiaries/${intro.beneficiaryId}`, { email: EMAIL, phone: PHONE }).expect(200);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(422);
    for (const purpose of ['contact_by_email', 'contact_by_sms'])
      await coach().post(`/beneficiaries/${intro.beneficiaryId}/consents`, { purpose }).expect(201);

    const sent = await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    expect(sent.body).toMatchObject({ deliveries: { email: 'sent', sms: 'sent' } });
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    expect(JSON.stringify(sent.body)).not.toContain(token);
    expect(sms.sent.at(-1)?.text).toContain(`/espace/${token}`);
    const stored: Array<{ token_hash: string }> = await db.query(
      'SELECT token_hash FROM person_space_link WHERE beneficiary_id = $1',
      [intro.beneficiaryId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);
    const deliveries: Array<{ purpose: string; channel: string }> = await db.query(
      'SELECT purpose, channel FROM message_delivery WHERE beneficiary_id = $1 ORDER BY channel',
      [intro.beneficiaryId],
    );
    expect(deliveries).toEqual([
      { purpose: 'space_link', channel: 'email' },
      { purpose: 'space_link', channel: 'sms' },
    ]);

    const first = await request(api.url).get(space()).expect(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.text).toContain('Bonjour Jeannine');
    expect(first.text).not.toMatch(/<script/i);
    const cookie = cookieOf(first);
    expect(cookie).toMatch(new RegExp(`HttpOnly`, 'i'));
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toContain(`Path=/espace/${token}`);
    // The same browser comes back with its cookie.
    await request(api.url)
      .get(space())
      .set('Cookie', cookie.split(';')[0])
      .expect(200)
      .expect((response) => expect(response.text).toContain('Ma fiche pour les employeurs'));
    const links = await coach().get(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(200);
    expect((links.body as { items: Array<{ devices: number; revokedAt: null }> }).items).toEqual([
      expect.objectContaining({ devices: 1, revokedAt: null }),
    ]);
  });

  it('asks another browser for the short code sent by SMS, counts wrong codes and sends at most three an hour', async () => {
    const stranger = await request(api.url).get(space()).expect(200);
    expect(stranger.text).toContain('Recevoir un code');
    expect(stranger.text).not.toContain('Ma fiche pour les employeurs');
    expect(stranger.headers['set-cookie']).toBeUndefined();

    const before = sms.sent.length;
    await request(api.url)
      .post(space('/code'))
      .expect(200)
      .expect((response) => expect(response.text).toContain('envoyé par SMS'));
    const code = /code Passerelle : (\d{6})/.exec(sms.sent[before].text)![1];
    expect(sms.sent[before].to).toBe(PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await request(api.url).post(space('/code/verification')).type('form').send({ code: wrong });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('encore 4 essais');
    const admitted = await request(api.url).post(space('/code/verification')).type('form').send({ code }).expect(303);
    expect(admitted.headers.location).toBe(`/espace/${token}`);
    const cookie = cookieOf(admitted).split(';')[0];
    await request(api.url)
      .get(space())
      .set('Cookie', cookie)
      .expect(200)
      .expect((response) => expect(response.text).toContain('Ma fiche pour les employeurs'));
    // A used code admits nobody else.
    await request(api.url).post(space('/code/verification')).type('form').send({ code }).expect(422);

    // Five wrong tries kill a code, even the right one after them.
    await request(api.url).post(space('/code')).expect(200);
    const second = /code Passerelle : (\d{6})/.exec(sms.sent.at(-1)!.text)![1];
    const other = second === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1)
      await request(api.url).post(space('/code/verification')).type('form').send({ code: other }).expect(422);
    const dead = await request(api.url).post(space('/code/verification')).type('form').send({ code: second });
    expect(dead.status).toBe(422);
    expect(dead.text).toContain('n’est plus valable');

    // Three codes in the hour: the fourth is refused, and no SMS leaves.
    await request(api.url).post(space('/code')).expect(200);
    const sentBefore = sms.sent.length;
    const flood = await request(api.url).post(space('/code')).expect(429);
    expect(flood.text).toContain('Trop de codes');
    expect(sms.sent.length).toBe(sentBefore);
  });

  it('refuses to send a card until the person validated this very content, tells the coach what they decided, and the introduction says where the validation stands', async () => {
    const staff = as(org.users.staffNord);
    const validationNow = async (): Promise<Record<string, unknown>> =>
      (
        (await staff.get(`/introductions/${intro.introductionId}`).expect(200)).body as {
          cardValidation: Record<string, unknown>;
        }
      ).cardValidation;
    expect(await validationNow()).toEqual({
      state: 'not_validated',
      decision: null,
      decidedAt: null,
      comment: null,
      editedSinceDecision: false,
    });
    const notValidated = await staff.post(`/introductions/${intro.introductionId}/links`).expect(422);
    expect(notValidated.body).toMatchObject({
      code: 'introduction.card_not_validated',
      details: [{ field: 'cardValidation', reason: 'not_validated' }],
    });

    // The person, in their space (a fresh link: the code tests above used up the codes), asks for a change.
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    const person = request.agent(api.url);
    const page = await person.get(space()).expect(200);
    expect(page.text).toContain('Vendeur en boulangerie');
    expect(page.text).toContain('attend votre accord');
    for (const hidden of ['Nomdefamille', EMAIL, PHONE]) expect(page.text).not.toContain(hidden);
    const version = versionOf(page.text, intro.introductionId);
    const noComment = await person
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'change_requested', version, comment: ' ' });
    expect(noComment.status).toBe(422);
    expect(noComment.text).toContain('Dites ce qu’il faut changer');
    await person
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'change_requested', version, comment: 'Ajoutez mon permis cariste' })
      .expect(303);
    const held = await staff.post(`/introductions/${intro.introductionId}/links`).expect(422);
    expect(held.body).toMatchObject({ details: [{ reason: 'change_requested' }] });
    expect(await validationNow()).toEqual({
      state: 'change_requested',
      decision: 'change_requested',
      decidedAt: expect.any(String),
      comment: 'Ajoutez mon permis cariste',
      editedSinceDecision: false,
    });
    const inbox = await coach().get('/notifications').expect(200);
    expect((inbox.body as { items: Array<{ kind: string; subjectId: string; message: string }> }).items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'card_validation',
          subjectId: intro.introductionId,
          message: expect.stringContaining('Ajoutez mon permis cariste'),
        }),
      ]),
    );

    // The coach edits the card; a validation of the old content would not do.
    await coach().put(`/introductions/${intro.introductionId}/card`, { note: 'Titulaire du CACES 1' }).expect(200);
    const stale = await person
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'validated', version });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Titulaire du CACES 1');
    const fresh = versionOf(stale.text, intro.introductionId);
    const validated = await person
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'validated', version: fresh })
      .expect(303);
    const after = await person.get(validated.headers.location).expect(200);
    expect(after.text).toContain('votre fiche est validée');
    expect(after.text).toContain('Vous avez validé cette fiche.');
    const validatedState = await validationNow();
    expect(validatedState).toMatchObject({ state: 'validated', decision: 'validated', editedSinceDecision: false });
    const [stored]: Array<{ decided_at: Date }> = await db.query(
      `SELECT decided_at FROM card_validation WHERE introduction_id = $1 ORDER BY decided_at DESC LIMIT 1`,
      [intro.introductionId],
    );
    expect(validatedState.decidedAt).toBe(stored.decided_at.toISOString());
    await staff.post(`/introductions/${intro.introductionId}/links`).expect(201);

    // An edit after the validation holds the next link back again.
    await coach().put(`/introductions/${intro.introductionId}/card`, { note: 'Très ponctuelle' }).expect(200);
    const outdated = await staff.post(`/introductions/${intro.introductionId}/links`).expect(422);
    expect(outdated.body).toMatchObject({ details: [{ reason: 'outdated' }] });
    expect(await validationNow()).toEqual({ ...validatedState, state: 'outdated', editedSinceDecision: true });
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, intro);
    await staff.post(`/introductions/${intro.introductionId}/links`).expect(201);
  });

  it('audits every view and act in the space as the person’s own access', async () => {
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    const person = request.agent(api.url);
    const mark: Array<{ id: string }> = await db.query('SELECT max(id)::text AS id FROM audit_event');
    const page = await person.get(space()).expect(200);
    await person
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'validated', version: versionOf(page.text, intro.introductionId) })
      .expect(303);
    const rows: Array<{
      actor_user_id: string | null;
      action: string;
      subject_id: string;
      subject_structure_id: string;
      details: Record<string, unknown>;
    }> = await db.query(
      `SELECT actor_user_id, action, subject_id, subject_structure_id, details FROM audit_event
       WHERE id > $1 ORDER BY id`,
      [mark[0].id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows)
      expect(row).toMatchObject({
        actor_user_id: null,
        subject_id: intro.beneficiaryId,
        subject_structure_id: org.structures.lille,
        details: expect.objectContaining({ by: 'person', spaceLinkId: expect.any(String) }),
      });
    expect(rows.map((row) => [row.action, row.details.part])).toEqual(
      expect.arrayContaining([
        ['read', 'cards'],
        ['update', 'card_validation'],
      ]),
    );
  });

  it('takes the person’s answers to the offers proposed, with a reason when not for them, to the coach’s inbox and the file', async () => {
    const second = await publishedOffer(api.url, org.users.staffNord, intro.employerId, 'Vendeur en épicerie', 'D1106');
    await coach()
      .post(`/beneficiaries/${intro.beneficiaryId}/proposals`, {
        offerId: intro.offerId,
        score: 80,
        explanation: ['40 mois comme vendeur en boulangerie', 'À 3 km de chez vous'],
      })
      .expect(201);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/proposals`, { offerId: second }).expect(201);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    const person = request.agent(api.url);
    const page = await person.get(space()).expect(200);
    expect(page.text).toContain('Vendeur en boulangerie');
    expect(page.text).toContain('À 3 km de chez vous');
    const noReason = await person
      .post(space(`/offres/${second}`))
      .type('form')
      .send({ answer: 'not_for_me', reason: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('pourquoi cette offre n’est pas pour vous');
    await person
      .post(space(`/offres/${intro.offerId}`))
      .type('form')
      .send({ answer: 'interested' })
      .expect(303);
    await person
      .post(space(`/offres/${second}`))
      .type('form')
      .send({ answer: 'not_for_me', reason: 'Trop loin sans voiture' })
      .expect(303);
    // An offer never proposed to them is not theirs to answer.
    const strange = await publishedOffer(api.url, org.users.staffNord, intro.employerId, 'Caissier', 'D1106');
    await person
      .post(space(`/offres/${strange}`))
      .type('form')
      .send({ answer: 'interested' })
      .expect(404);

    const file = await coach().get(`/beneficiaries/${intro.beneficiaryId}`).expect(200);
    const proposals = (
      file.body as { proposals: Array<{ offerId: string; answer: string; answerReason: string | null }> }
    ).proposals;
    expect(proposals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ offerId: intro.offerId, answer: 'interested', answerReason: null }),
        expect.objectContaining({ offerId: second, answer: 'not_for_me', answerReason: 'Trop loin sans voiture' }),
      ]),
    );
    const inbox = (await coach().get('/notifications').expect(200)).body as {
      items: Array<{ kind: string; subjectId: string; message: string }>;
    };
    const notice = inbox.items.find((item) => item.kind === 'proposal_answer');
    expect(notice).toMatchObject({ subjectId: intro.beneficiaryId });
    expect(notice?.message).toContain('intéressé·e par « Vendeur en boulangerie »');
    expect(notice?.message).toContain('« Vendeur en épicerie » (Trop loin sans voiture)');
  });

  it('lets the person confirm an appointment or ask to move it, which the coach sees on the file and in the inbox', async () => {
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const planned = await coach()
      .post('/appointments', {
        kind: 'in_person',
        place: 'Bureau 3',
        startsAt: inHours(48),
        endsAt: inHours(49),
        beneficiaryIds: [intro.beneficiaryId],
      })
      .expect(201);
    const appointmentId = (planned.body as { id: string }).id;
    const person = request.agent(api.url);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    expect((await person.get(space()).expect(200)).text).toContain('Bureau 3');
    await person
      .post(space(`/rendez-vous/${appointmentId}`))
      .type('form')
      .send({ answer: 'confirm' })
      .expect(303);
    let onFile = (await coach().get(`/beneficiaries/${intro.beneficiaryId}/appointments`).expect(200)).body as {
      items: Array<{ id: string; participants: Array<{ confirmedAt: string | null; moveRequest: string | null }> }>;
    };
    expect(onFile.items.find((item) => item.id === appointmentId)?.participants[0].confirmedAt).toEqual(
      expect.any(String),
    );
    await person
      .post(space(`/rendez-vous/${appointmentId}`))
      .type('form')
      .send({ answer: 'move', message: 'Plutôt jeudi matin' })
      .expect(303);
    onFile = (await coach().get(`/beneficiaries/${intro.beneficiaryId}/appointments`).expect(200))
      .body as typeof onFile;
    expect(onFile.items.find((item) => item.id === appointmentId)?.participants[0]).toMatchObject({
      confirmedAt: null,
      moveRequest: 'Plutôt jeudi matin',
    });
    const inbox = (await coach().get('/notifications').expect(200)).body as {
      items: Array<{ kind: string; message: string }>;
    };
    expect(inbox.items.find((item) => item.kind === 'appointment_answer')?.message).toContain('Plutôt jeudi matin');
  });

  it('lets the person withdraw a consent themselves, effective at once: the card link stops', async () => {
    const staff = as(org.users.staffNord);
    const sent = await staff.post(`/introductions/${intro.introductionId}/links`).expect(201);
    const cardPath = new URL((sent.body as { url: string }).url).pathname;
    await request(api.url).get(cardPath).expect(200);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    const person = request.agent(api.url);
    expect((await person.get(space()).expect(200)).text).toContain('Retirer mon accord');
    await person.post(space('/consentements/share_profile_with_employers/retrait')).expect(303);
    await request(api.url).get(cardPath).expect(410);
    const consents: Array<{ revoked_at: Date | null; revoked_by: string | null }> = await db.query(
      `SELECT revoked_at, revoked_by FROM consent WHERE beneficiary_id = $1 AND purpose = 'share_profile_with_employers'`,
      [intro.beneficiaryId],
    );
    expect(consents).toEqual([{ revoked_at: expect.any(Date), revoked_by: null }]);
    // Withdrawn already: nothing more to withdraw.
    await person.post(space('/consentements/share_profile_with_employers/retrait')).expect(404);
    await person.post(space('/consentements/not_a_purpose/retrait')).expect(400);
    const inbox = (await coach().get('/notifications').expect(200)).body as { items: Array<{ kind: string }> };
    expect(inbox.items.map((item) => item.kind)).toContain('consent_withdrawn_share_profile_with_employers');
  });

  it('answers 404 to a forged or altered link, 410 once expired or revoked, at once', async () => {
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const forged = await request(api.url).get(`/espace/${altered}`).expect(404);
    expect(forged.text).toContain('introuvable');
    await request(api.url).get('/espace/not-a-token').expect(404);
    await request(api.url)
      .post(`/espace/${altered}/fiches/${intro.introductionId}`)
      .type('form')
      .send({ decision: 'validated', version: 'x' })
      .expect(404);

    const person = request.agent(api.url);
    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    await person.get(space()).expect(200);
    await db.query(
      `UPDATE person_space_link SET expires_at = now() - interval '1 minute' WHERE beneficiary_id = $1 AND revoked_at IS NULL`,
      [intro.beneficiaryId],
    );
    const expired = await person.get(space()).expect(410);
    expect(expired.text).toContain('expiré');

    await coach().post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(201);
    token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    const next = request.agent(api.url);
    await next.get(space()).expect(200);
    await coach().delete(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(204);
    const revoked = await next.get(space()).expect(410);
    expect(revoked.text).toContain('désactivé');
    await next
      .post(space(`/fiches/${intro.introductionId}`))
      .type('form')
      .send({ decision: 'validated', version: 'x' })
      .expect(410);
    // Another coach's person is out of reach: the link endpoints answer 404.
    await as(org.users.coachNord).post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(404);
    await as(org.users.staffNord).post(`/beneficiaries/${intro.beneficiaryId}/space-links`).expect(403);
  });
});
