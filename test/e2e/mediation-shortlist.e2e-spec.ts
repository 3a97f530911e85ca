import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  as as asUser,
  createTestContext,
  seedOrganisation,
  shortlistCandidates,
  startApi,
  type RunningApi,
  type ShortlistCandidates,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const PER_LINK = 12;
const BARRIER_CANARY = 'Canari-frein-dettes';
const inDays = (days: number, hour: number): string => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};
const SLOTS = [
  { startsAt: inDays(5, 8), endsAt: inDays(5, 9), place: 'Boulangerie, 3 rue Nationale, Lille' },
  { startsAt: inDays(6, 13), endsAt: inDays(6, 14), place: null },
];

interface ShortlistBody {
  id: string;
  entries: Array<{
    id: string;
    introductionId: string;
    answer: string | null;
    slotStartsAt: string | null;
    refusalReason: string | null;
    freeText: string | null;
    appointmentId: string | null;
    messages: Array<{ authorKind: string; body: string }>;
  }>;
}

/** Issue 23: one link for an offer with one to five cards, answered per person, every answer heard. */
describe('shortlists: one employer link for several cards, answers heard, refusal reasons counted', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let bakery: ShortlistCandidates;

  const as = (user: TestUser) => asUser(api, user);
  const pathOf = (url: string): string => new URL(url).pathname;
  const send = (body: object) => as(org.users.staffNord).post('/shortlists', body);
  const entryOf = (html: string, firstName: string): string => {
    const section = html.split('<section class="person"').find((part) => part.includes(`>${firstName}</h2>`));
    const match = section?.match(/name="entry" value="([0-9a-f-]{36})"/);
    if (!match) throw new Error(`no entry for ${firstName}`);
    return match[1];
  };
  const answer = (path: string, form: Record<string, string>) => request(api.url).post(path).type('form').send(form);

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: { CARD_RATE_LIMIT_PER_MINUTE: '1000', CARD_LINK_RATE_LIMIT_PER_MINUTE: String(PER_LINK) },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    bakery = await shortlistCandidates(
      api.url,
      org,
      'Boulangerie Paul',
      ['Amina', 'Bruno', 'Chloe', 'Denis', 'Eva', 'Farid', 'Sansaccord'],
      ['Sansaccord'],
      context.dataDir,
    );
    await as(org.users.coachLille)
      .post(`/beneficiaries/${bakery.people[0].beneficiaryId}/barriers`, {
        kind: 'debt',
        status: 'identified',
        description: BARRIER_CANARY,
      })
      .expect(201);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  const ids = (...names: string[]): string[] =>
    names.map((name) => bakery.people.find((person) => person.firstName === name)!.introductionId);

  it('takes one to five cards: none or six are refused with the field named, and nothing is sent', async () => {
    const none = await send({ offerId: bakery.offerId, introductionIds: [] }).expect(400);
    expect(JSON.stringify(none.body)).toContain('introductionIds');
    const six = await send({
      offerId: bakery.offerId,
      introductionIds: ids('Amina', 'Bruno', 'Chloe', 'Denis', 'Eva', 'Farid'),
    }).expect(400);
    expect(JSON.stringify(six.body)).toContain('introductionIds');
    const twice = await send({ offerId: bakery.offerId, introductionIds: ids('Amina', 'Amina') }).expect(422);
    expect(twice.body).toMatchObject({ code: 'shortlist.invalid', details: [{ field: 'introductionIds' }] });
    const [{ count }]: Array<{ count: number }> = await db.query('SELECT count(*)::int AS count FROM shortlist');
    expect(count).toBe(0);
    const five = await send({
      offerId: bakery.offerId,
      introductionIds: ids('Amina', 'Bruno', 'Chloe', 'Denis', 'Eva'),
    }).expect(201);
    const page = await request(api.url)
      .get(pathOf((five.body as { url: string }).url))
      .expect(200);
    expect(page.text.match(/<section class="person"/g)).toHaveLength(5);
    await as(org.users.staffNord)
      .delete(`/shortlists/${(five.body as { id: string }).id}/link`)
      .expect(204);
  });

  it('refuses a card without the person’s consent with 422 naming that card, and sends none of the others', async () => {
    const before: Array<{ count: number }> = await db.query('SELECT count(*)::int AS count FROM shortlist');
    const refused = await send({
      offerId: bakery.offerId,
      introductionIds: ids('Amina', 'Sansaccord'),
    }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'introduction.no_consent',
      details: [
        { field: 'introductionIds[1]', reason: expect.stringContaining('share_profile_with_employers') as unknown },
      ],
    });
    const after: Array<{ count: number }> = await db.query('SELECT count(*)::int AS count FROM shortlist');
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses a card of another offer and a slot in the past, naming each', async () => {
    const other = await shortlistCandidates(api.url, org, 'Fromagerie Nord', ['Gael'], [], context.dataDir);
    const mixed = await send({
      offerId: bakery.offerId,
      introductionIds: [...ids('Amina'), other.people[0].introductionId],
    }).expect(422);
    expect(mixed.body).toMatchObject({ code: 'shortlist.invalid', details: [{ field: 'introductionIds[1]' }] });
    const past = await send({
      offerId: bakery.offerId,
      introductionIds: ids('Amina'),
      slots: [{ startsAt: inDays(-1, 8), endsAt: inDays(-1, 9) }],
    }).expect(422);
    expect(past.body).toMatchObject({ code: 'shortlist.invalid', details: [{ field: 'slots[0].startsAt' }] });
  });

  it('answers 404 for a forged link, 410 once expired or revoked, and drops a card whose consent is withdrawn', async () => {
    const sent = await send({ offerId: bakery.offerId, introductionIds: ids('Denis', 'Eva') }).expect(201);
    const { id, url } = sent.body as { id: string; url: string };
    const path = pathOf(url);
    const token = path.split('/').pop()!;
    expect(path).toBe(`/selections/${token}`);
    const forged = await request(api.url)
      .get(`/selections/${randomBytes(32).toString('base64url')}`)
      .expect(404);
    expect(forged.text).toContain('introuvable');
    const tampered = `/selections/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await request(api.url).get(tampered).expect(404);
    const [{ token_hash: stored }]: Array<{ token_hash: string }> = await db.query(
      'SELECT token_hash FROM shortlist WHERE id = $1',
      [id],
    );
    expect(stored).not.toContain(token);

    const eva = bakery.people.find((person) => person.firstName === 'Eva')!;
    await as(org.users.coachLille)
      .delete(`/beneficiaries/${eva.beneficiaryId}/consents/share_profile_with_employers`)
      .expect(200);
    const withoutEva = await request(api.url).get(path).expect(200);
    expect(withoutEva.text).toContain('>Denis</h2>');
    expect(withoutEva.text).not.toContain('>Eva</h2>');

    await db.query(`UPDATE shortlist SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await request(api.url).get(path).expect(410)).text).toContain('expiré');
    await db.query(`UPDATE shortlist SET expires_at = now() + interval '1 day' WHERE id = $1`, [id]);
    await request(api.url).get(path).expect(200);
    await as(org.users.staffNord).delete(`/shortlists/${id}/link`).expect(204);
    const revoked = await request(api.url).get(path).expect(410);
    expect(revoked.text).toContain('désactivé');
    const entry = entryOf(withoutEva.text, 'Denis');
    await answer(path, { entry, answer: 'question', question: 'Encore là ?' }).expect(410);
    const messages: unknown[] = await db.query('SELECT 1 FROM shortlist_message WHERE entry_id = $1', [entry]);
    expect(messages).toHaveLength(0);
  });

  it('refuses requests on one link past its per-minute limit with 429, from however many addresses', async () => {
    const sent = await send({ offerId: bakery.offerId, introductionIds: ids('Farid') }).expect(201);
    const path = pathOf((sent.body as { url: string }).url);
    const second = (Date.now() / 1000) % 60;
    if (second > 40) await new Promise((resolve) => setTimeout(resolve, (60.5 - second) * 1000));
    for (let i = 0; i < PER_LINK; i++)
      await request(api.url)
        .get(path)
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .expect(200);
    const refused = await request(api.url).get(path).set('X-Forwarded-For', '198.51.100.99').expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.text).toContain('Trop de demandes');
  });

  describe('a shortlist of three answered person by person', () => {
    let shortlistId: string;
    let path: string;
    let html: string;

    beforeAll(async () => {
      const sent = await send({
        offerId: bakery.offerId,
        introductionIds: ids('Amina', 'Bruno', 'Chloe'),
        slots: SLOTS,
        contactId: bakery.contactId,
      }).expect(201);
      ({ id: shortlistId } = sent.body as { id: string });
      path = pathOf((sent.body as { url: string }).url);
      expect((sent.body as { emailedTo: string }).emailedTo).toBe(bakery.contactEmail);
      html = (await request(api.url).get(path).expect(200)).text;
    });

    it('shows the three cards side by side, without surname, barrier or welfare status', () => {
      for (const name of ['Amina', 'Bruno', 'Chloe']) expect(html).toContain(`>${name}</h2>`);
      expect(html).toContain('3 profils à comparer');
      for (const secret of ['Secretnom', BARRIER_CANARY, 'RSA', 'allocataire', '@example'])
        expect(html).not.toContain(secret);
    });

    it('moves the introductions to card_sent and audits the disclosure for the three people', async () => {
      const rows: Array<{ status: string }> = await db.query(
        'SELECT status FROM introduction WHERE id = ANY ($1::uuid[])',
        [ids('Amina', 'Bruno', 'Chloe')],
      );
      expect(rows.map((row) => row.status)).toEqual(['card_sent', 'card_sent', 'card_sent']);
      const audits: Array<{ subject_id: string }> = await db.query(
        `SELECT subject_id FROM audit_event WHERE action = 'share' AND details->>'shortlistId' = $1`,
        [shortlistId],
      );
      expect(audits.map((audit) => audit.subject_id).sort()).toEqual(
        bakery.people
          .slice(0, 3)
          .map((person) => person.beneficiaryId)
          .sort(),
      );
    });

    it('takes a slot picked for Amina: acknowledged with who heard it (by name, never a login), an interview on the agendas', async () => {
      // The coach's account carries a person's name; the mediator's still its login, which is never shown.
      await as(org.admin).patch(`/users/${org.users.coachLille.id}`, { displayName: 'Camille Martin' }).expect(200);
      const page = await answer(path, {
        entry: entryOf(html, 'Amina'),
        answer: 'interested',
        slot: SLOTS[0].startsAt,
      }).expect(200);
      // The mediator's login is not shown, but they heard it too: the page says so without naming them.
      expect(page.text).toContain(
        'votre réponse pour Amina a été transmise à Camille Martin et l’équipe qui vous l’a envoyée.',
      );
      for (const login of ['staff.nord', 'coach.lille', '@test.passerelle.fr']) expect(page.text).not.toContain(login);
      const [entry]: Array<{ answer: string; slot_starts_at: Date; appointment_id: string }> = await db.query(
        `SELECT answer, slot_starts_at, appointment_id FROM shortlist_entry WHERE shortlist_id = $1 AND introduction_id = $2`,
        [shortlistId, ids('Amina')[0]],
      );
      expect(entry.answer).toBe('interested');
      expect(entry.slot_starts_at.toISOString()).toBe(SLOTS[0].startsAt);
      const appointments: Array<{ coach_user_id: string; starts_at: Date; place: string; beneficiary_id: string }> =
        await db.query(
          `SELECT a.coach_user_id, a.starts_at, a.place, p.beneficiary_id FROM appointment a
           JOIN appointment_participant p ON p.appointment_id = a.id WHERE a.id = $1`,
          [entry.appointment_id],
        );
      expect(appointments).toEqual([
        {
          coach_user_id: org.users.staffNord.id,
          starts_at: new Date(SLOTS[0].startsAt),
          place: SLOTS[0].place,
          beneficiary_id: bakery.people[0].beneficiaryId,
        },
      ]);
      const [introduction]: Array<{ status: string; interview_at: Date }> = await db.query(
        'SELECT status, interview_at FROM introduction WHERE id = $1',
        [ids('Amina')[0]],
      );
      expect(introduction).toEqual({ status: 'interview', interview_at: new Date(SLOTS[0].startsAt) });
    });

    it('refuses a slot that was not offered (422, nothing recorded) and a "not now" without its reason', async () => {
      const bruno = entryOf(html, 'Bruno');
      const notOffered = await answer(path, { entry: bruno, answer: 'interested', slot: inDays(9, 8) }).expect(422);
      expect(notOffered.text).toContain('ne fait pas partie de ceux proposés');
      const noReason = await answer(path, { entry: bruno, answer: 'not_now', reason: '' }).expect(422);
      expect(noReason.text).toContain('Indiquez une raison');
      const [entry]: Array<{ answer: string | null }> = await db.query(
        'SELECT answer FROM shortlist_entry WHERE id = $1',
        [bruno],
      );
      expect(entry.answer).toBeNull();
    });

    it('takes "not now" for Bruno with its reason and free text, recorded on the entry and in the trail', async () => {
      const page = await answer(path, {
        entry: entryOf(html, 'Bruno'),
        answer: 'not_now',
        reason: 'schedule',
        note: 'Nous cherchons quelqu’un le dimanche.',
      }).expect(200);
      expect(page.text).toContain('votre réponse pour Bruno a été transmise à');
      const [event]: Array<{ refusal_reason: string; message: string }> = await db.query(
        `SELECT refusal_reason, details->>'message' AS message FROM introduction_event
         WHERE introduction_id = $1 AND kind = 'answered'`,
        [ids('Bruno')[0]],
      );
      expect(event).toEqual({ refusal_reason: 'schedule', message: 'Nous cherchons quelqu’un le dimanche.' });
    });

    it('takes a question about Chloe, and the mediator’s reply shows on the same link', async () => {
      const chloe = entryOf(html, 'Chloe');
      await answer(path, { entry: chloe, answer: 'question', question: 'Peut-elle commencer à 6 h ?' }).expect(200);
      const replied = await as(org.users.staffNord)
        .post(`/shortlists/${shortlistId}/replies`, { entryId: chloe, body: 'Oui, elle est disponible dès 6 h.' })
        .expect(201);
      const entry = (replied.body as ShortlistBody).entries.find((item) => item.id === chloe)!;
      expect(entry.messages.map((message) => [message.authorKind, message.body])).toEqual([
        ['employer', 'Peut-elle commencer à 6 h ?'],
        ['user', 'Oui, elle est disponible dès 6 h.'],
      ]);
      const page = await request(api.url).get(path).expect(200);
      expect(page.text).toContain('Peut-elle commencer à 6 h ?');
      expect(page.text).toContain('Oui, elle est disponible dès 6 h.');
    });

    it('puts the employer’s answers and exchanges in the person’s export (JSON and readable), without the contact or the staff', async () => {
      const exported = async (name: string) =>
        (
          await as(org.users.coachLille)
            .get(`/beneficiaries/${bakery.people.find((person) => person.firstName === name)!.beneficiaryId}/export`)
            .expect(200)
        ).body as { employerAnswers: unknown[]; employerExchanges: unknown[] };
      const bruno = await exported('Bruno');
      expect(bruno.employerAnswers).toEqual([
        {
          via: 'shortlist',
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur en boulangerie',
          answeredAt: expect.any(String) as unknown,
          answer: 'not_now',
          refusalReason: 'schedule',
          proposedInterview: null,
          message: 'Nous cherchons quelqu’un le dimanche.',
        },
      ]);
      expect(bruno.employerExchanges).toEqual([]);
      const chloe = await exported('Chloe');
      expect(chloe.employerAnswers).toMatchObject([{ answer: 'question', message: 'Peut-elle commencer à 6 h ?' }]);
      expect(chloe.employerExchanges).toEqual([
        {
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur en boulangerie',
          from: 'employer',
          body: 'Peut-elle commencer à 6 h ?',
          at: expect.any(String) as unknown,
        },
        {
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur en boulangerie',
          from: 'service',
          body: 'Oui, elle est disponible dès 6 h.',
          at: expect.any(String) as unknown,
        },
      ]);
      const parts = JSON.stringify([chloe.employerAnswers, chloe.employerExchanges]);
      for (const secret of [bakery.contactEmail, 'M. Lefebvre', org.users.staffNord.id, 'staff.nord'])
        expect(parts).not.toContain(secret);
      const readable = (
        await as(org.users.coachLille)
          .get(
            `/beneficiaries/${bakery.people.find((person) => person.firstName === 'Chloe')!.beneficiaryId}/export.txt`,
          )
          .expect(200)
      ).text;
      expect(readable).toContain('RÉPONSES DES EMPLOYEURS');
      expect(readable).toContain(
        'Boulangerie Paul pour « Vendeur en boulangerie » (sélection de profils) : une question',
      );
      expect(readable).toContain('Le service a répondu à Boulangerie Paul : Oui, elle est disponible dès 6 h.');
    });

    it('tells the mediator and the coach of all three answers, and the coach cannot read another’s shortlist', async () => {
      for (const user of [org.users.staffNord, org.users.coachLille]) {
        const inbox = await as(user).get('/notifications').expect(200);
        const items = (
          inbox.body as { items: Array<{ kind: string; subjectId: string; message: string }> }
        ).items.filter((item) => item.kind === 'employer_answer');
        for (const [name, wording] of [
          ['Amina', 'souhaite rencontrer'],
          ['Bruno', 'pas pour le moment'],
          ['Chloe', 'une question vous attend'],
        ]) {
          const item = items.find((candidate) => candidate.subjectId === ids(name)[0]);
          expect(item?.message).toContain(`pour ${name}`);
          expect(item?.message).toContain(wording);
        }
      }
      await as(org.users.managerBasRhin).get(`/shortlists/${shortlistId}`).expect(403);
      await as(org.users.coachNord).get(`/shortlists/${shortlistId}`).expect(404);
    });

    it('lists the shortlist with its answers for the mediator, and reads it whole', async () => {
      const list = await as(org.users.staffNord).get(`/shortlists?offerId=${bakery.offerId}`).expect(200);
      const summary = (list.body as { items: Array<{ id: string; cards: number; answered: number }> }).items.find(
        (item) => item.id === shortlistId,
      );
      expect(summary).toMatchObject({ cards: 3, answered: 3 });
      const detail = (await as(org.users.staffNord).get(`/shortlists/${shortlistId}`).expect(200))
        .body as ShortlistBody;
      expect(detail.entries.map((entry) => [entry.answer, entry.refusalReason])).toEqual([
        ['interested', null],
        ['not_now', 'schedule'],
        ['question', null],
      ]);
    });

    it('counts the refusal reasons by offer and by structure, for the mediator and the manager, not another département', async () => {
      const other = await shortlistCandidates(api.url, org, 'Épicerie Fine', ['Hugo'], [], context.dataDir);
      const sent = await send({ offerId: other.offerId, introductionIds: [other.people[0].introductionId] }).expect(
        201,
      );
      const otherPath = pathOf((sent.body as { url: string }).url);
      const otherHtml = (await request(api.url).get(otherPath).expect(200)).text;
      await answer(otherPath, { entry: entryOf(otherHtml, 'Hugo'), answer: 'not_now', reason: 'distance' }).expect(200);
      for (const user of [org.users.staffNord, org.users.managerNord]) {
        const counts = (await as(user).get('/indicators/refusal-reasons').expect(200)).body as {
          byOffer: Array<{ offerId: string; reason: string; label: string; count: number }>;
          byStructure: Array<{ structureId: string; reason: string; count: number }>;
        };
        expect(counts.byOffer).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ offerId: bakery.offerId, reason: 'schedule', count: 1 }),
            expect.objectContaining({ offerId: other.offerId, reason: 'distance', count: 1 }),
          ]),
        );
        expect(counts.byOffer.filter((row) => row.offerId === bakery.offerId)).toHaveLength(1);
        expect(counts.byStructure.filter((row) => row.reason === 'schedule').map((row) => row.count)).toEqual([1]);
        expect(counts.byStructure.filter((row) => row.reason === 'distance').map((row) => row.count)).toEqual([1]);
      }
      const elsewhere = (await as(org.users.managerBasRhin).get('/indicators/refusal-reasons').expect(200)).body as {
        byOffer: unknown[];
        byStructure: unknown[];
      };
      expect(elsewhere).toMatchObject({ byOffer: [], byStructure: [] });
      await as(org.users.staffNord).get('/indicators/refusal-reasons?from=2026-12-10&to=2026-12-01').expect(422);
    });
  });
});
