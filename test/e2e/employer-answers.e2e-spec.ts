import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { CapturingMailer, Clock, Mailer } from '@passerelle/core';
import { RemindUnansweredShortlists } from '@passerelle/mediation';
import {
  as as asUser,
  createTestContext,
  login,
  seedOrganisation,
  shortlistCandidates,
  startApi,
  type RunningApi,
  type ShortlistCandidates,
  type TestContext,
  type TestOrganisation,
  type TestUser,
  TEST_PASSWORD,
} from '@passerelle/testing';

/** A Friday: three working days later is the next Wednesday, five calendar days on. */
const SENT_FRIDAY = new Date('2026-11-27T09:00:00Z');
const TUESDAY_EVENING = new Date('2026-12-01T19:00:00Z');
const WEDNESDAY_AFTER = new Date('2026-12-02T09:05:00Z');
const WELFARE = ['RSA', 'allocataire', 'CAF', 'minima'];

interface Notification {
  kind: string;
  subjectType: string;
  subjectId: string;
  message: string;
}

/**
 * Issue 23, answers heard on the employer's side: a shortlist left unanswered is reminded once
 * (after working days counted by the app clock, moved here), the contact hears that a reply waits on
 * the link, and an employer who posted a need hears it was taken up; every mail read from the
 * capture, none carrying a person's name, a reply's text or a welfare word, none with a header
 * that can be injected.
 */
describe('employer answers heard: shortlist reminders, reply notices, need acknowledgements', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let mailer: CapturingMailer;
  let clock: Clock;
  let bakery: ShortlistCandidates;

  const as = (user: TestUser) => asUser(api, user);
  const staff = () => as(org.users.staffNord);
  const pathOf = (url: string): string => new URL(url).pathname;
  const idOf = (name: string): string => bakery.people.find((person) => person.firstName === name)!.introductionId;
  const mailsTo = (to: string) => mailer.sent.filter((mail) => mail.to === to);
  const remind = () => api.app.get(RemindUnansweredShortlists).execute();
  const entryOf = (html: string, firstName: string): string => {
    const section = html.split('<section class="person"').find((part) => part.includes(`>${firstName}</h2>`));
    const match = section?.match(/name="entry" value="([0-9a-f-]{36})"/);
    if (!match) throw new Error(`no entry for ${firstName}`);
    return match[1];
  };
  const answer = (path: string, form: Record<string, string>) => request(api.url).post(path).type('form').send(form);
  const inbox = async (user: TestUser): Promise<Notification[]> =>
    ((await as(user).get('/notifications').expect(200)).body as { items: Notification[] }).items;

  /** A shortlist sent (to the bakery's contact unless `contact` is false), dated back to SENT_FRIDAY. */
  const sendShortlist = async (names: string[], contact = true): Promise<{ id: string; url: string; path: string }> => {
    const sent = await staff()
      .post('/shortlists', {
        offerId: bakery.offerId,
        introductionIds: names.map(idOf),
        ...(contact ? { contactId: bakery.contactId } : {}),
      })
      .expect(201);
    const { id, url } = sent.body as { id: string; url: string };
    await db.query('UPDATE shortlist SET created_at = $2 WHERE id = $1', [id, SENT_FRIDAY]);
    return { id, url, path: pathOf(url) };
  };
  const reminderOf = async (id: string) =>
    (
      await db.query<Array<{ reminded_at: Date | null; reminder_channel: string | null }>>(
        'SELECT reminded_at, reminder_channel FROM shortlist WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    context = await createTestContext({ referential: true, env: { CARD_RATE_LIMIT_PER_MINUTE: '1000' } });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    clock = api.app.get(Clock);
    bakery = await shortlistCandidates(
      api.url,
      org,
      'Boulangerie Paul',
      ['Amina', 'Bruno', 'Chloe', 'Denis', 'Eva', 'Farid', 'Gael', 'Hugo', 'Iris'],
      [],
      context.dataDir,
    );
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  describe('a shortlist left unanswered', () => {
    let sent: { id: string; url: string; path: string };

    beforeAll(async () => {
      sent = await sendShortlist(['Amina', 'Bruno']);
    });

    it('is not reminded before three working days, though four calendar days have passed over a weekend', async () => {
      const before = mailsTo(bakery.contactEmail).length;
      clock.set(TUESDAY_EVENING);
      await remind();
      expect(await reminderOf(sent.id)).toEqual({ reminded_at: null, reminder_channel: null });
      expect(mailsTo(bakery.contactEmail)).toHaveLength(before);
    });

    it('e-mails the contact once after three working days, with the same link and no name or welfare word', async () => {
      const before = mailsTo(bakery.contactEmail).length;
      clock.set(WEDNESDAY_AFTER);
      await remind();
      const reminders = mailsTo(bakery.contactEmail).slice(before);
      expect(reminders).toHaveLength(1);
      const [mail] = reminders;
      expect(mail.subject).toBe('Rappel : 2 profils attendent votre réponse pour Vendeur en boulangerie');
      expect(mail.text).toContain(sent.url);
      expect(mail.text).toContain('Bonjour M. Lefebvre');
      expect(mail.text).toContain('27 novembre 2026');
      for (const word of ['Amina', 'Bruno', ...WELFARE]) expect(mail.text).not.toContain(word);
      const reminder = await reminderOf(sent.id);
      expect(reminder.reminder_channel).toBe('email');
      expect(Math.abs(reminder.reminded_at!.getTime() - WEDNESDAY_AFTER.getTime())).toBeLessThan(60_000);
      // The link in the reminder opens the shortlist.
      expect((await request(api.url).get(sent.path).expect(200)).text).toContain('>Amina</h2>');

      // Never twice: the next sweeps, days later, send nothing more.
      await remind();
      clock.set(new Date(WEDNESDAY_AFTER.getTime() + 6 * 86_400_000));
      await remind();
      expect(mailsTo(bakery.contactEmail).slice(before)).toHaveLength(1);
    });

    it('tells the mediator « relance envoyée », shows it in the list, and audits the new disclosure', async () => {
      const notification = (await inbox(org.users.staffNord)).find(
        (item) => item.kind === 'shortlist_reminder' && item.subjectId === sent.id,
      );
      expect(notification).toMatchObject({ subjectType: 'shortlist' });
      expect(notification?.message).toContain('Relance envoyée à Boulangerie Paul (M. Lefebvre)');
      expect(notification?.message).toContain('2 profils sans réponse');
      const list = await staff().get(`/shortlists?offerId=${bakery.offerId}`).expect(200);
      const summary = (
        list.body as { items: Array<{ id: string; reminder: { channel: string; at: string } | null }> }
      ).items.find((item) => item.id === sent.id);
      expect(summary?.reminder).toMatchObject({ channel: 'email' });
      const detail = await staff().get(`/shortlists/${sent.id}`).expect(200);
      expect(detail.body).toMatchObject({
        contactName: 'M. Lefebvre',
        contactEmail: bakery.contactEmail,
        reminder: { channel: 'email' },
      });
      const audits = await db.query<Array<{ subject_id: string; emailed_to: string }>>(
        `SELECT subject_id, details->>'emailedTo' AS emailed_to FROM audit_event
         WHERE action = 'share' AND details->>'part' = 'shortlist_reminder' AND details->>'shortlistId' = $1`,
        [sent.id],
      );
      expect(audits.map((audit) => audit.emailed_to)).toEqual([bakery.contactEmail, bakery.contactEmail]);
      expect(audits.map((audit) => audit.subject_id).sort()).toEqual(
        bakery.people
          .filter((person) => ['Amina', 'Bruno'].includes(person.firstName))
          .map((person) => person.beneficiaryId)
          .sort(),
      );
    });

    it('tells the contact a reply waits on the link, without the reply’s text or the person’s name, and audits it', async () => {
      const html = (await request(api.url).get(sent.path).expect(200)).text;
      await answer(sent.path, {
        entry: entryOf(html, 'Amina'),
        answer: 'question',
        question: 'Peut-elle commencer à 6 h ?',
      }).expect(200);
      const before = mailsTo(bakery.contactEmail).length;
      await staff()
        .post(`/shortlists/${sent.id}/replies`, {
          entryId: entryOf(html, 'Amina'),
          body: 'Oui, Amina est disponible dès 6 h après sa garde d’enfant.',
        })
        .expect(201);
      const notices = mailsTo(bakery.contactEmail).slice(before);
      expect(notices).toHaveLength(1);
      expect(notices[0].subject).toBe('Réponse à votre question pour Vendeur en boulangerie');
      expect(notices[0].text).toContain(sent.url);
      // The mediator's display name is their login here: the employer reads « Le service », never a login.
      expect(notices[0].text).toContain('Le service a répondu à votre question');
      expect(notices[0].text).not.toContain('staff.nord');
      for (const word of ['Amina', 'garde', '6 h', ...WELFARE]) expect(notices[0].text).not.toContain(word);
      const [audit] = await db.query<Array<{ subject_id: string }>>(
        `SELECT subject_id FROM audit_event
         WHERE action = 'share' AND details->>'part' = 'shortlist_reply_notice' AND details->>'shortlistId' = $1`,
        [sent.id],
      );
      expect(audit.subject_id).toBe(bakery.people.find((person) => person.firstName === 'Amina')!.beneficiaryId);
    });
  });

  it('reminds no shortlist answered for everyone, revoked or expired, and tells no one of a reply on a revoked link', async () => {
    const answered = await sendShortlist(['Chloe']);
    const html = (await request(api.url).get(answered.path).expect(200)).text;
    await answer(answered.path, { entry: entryOf(html, 'Chloe'), answer: 'not_now', reason: 'schedule' }).expect(200);
    const revoked = await sendShortlist(['Denis']);
    const denisHtml = (await request(api.url).get(revoked.path).expect(200)).text;
    await answer(revoked.path, {
      entry: entryOf(denisHtml, 'Denis'),
      answer: 'question',
      question: 'Permis B ?',
    }).expect(200);
    await staff().delete(`/shortlists/${revoked.id}/link`).expect(204);
    const expired = await sendShortlist(['Eva']);
    await db.query(`UPDATE shortlist SET expires_at = '2026-12-01T00:00:00Z' WHERE id = $1`, [expired.id]);

    const before = mailsTo(bakery.contactEmail).length;
    clock.set(WEDNESDAY_AFTER);
    await remind();
    for (const { id } of [answered, revoked, expired])
      expect(await reminderOf(id)).toEqual({ reminded_at: null, reminder_channel: null });
    await staff()
      .post(`/shortlists/${revoked.id}/replies`, { entryId: entryOf(denisHtml, 'Denis'), body: 'Oui.' })
      .expect(201);
    expect(mailsTo(bakery.contactEmail)).toHaveLength(before);
  });

  it('asks the mediator to call when the shortlist was not e-mailed: a due action and a notification, no mail', async () => {
    const byHand = await sendShortlist(['Farid'], false);
    const mailsBefore = mailer.sent.length;
    clock.set(WEDNESDAY_AFTER);
    await remind();
    expect(await reminderOf(byHand.id)).toMatchObject({ reminder_channel: 'call' });
    expect(mailer.sent).toHaveLength(mailsBefore);
    const due = await staff().get('/employers/follow-ups').expect(200);
    const action = (due.body as { items: Array<{ employerId: string; nextAction: string }> }).items.find(
      (item) => item.employerId === bakery.employerId && item.nextAction.startsWith('Appeler l’employeur'),
    );
    expect(action?.nextAction).toContain('« Vendeur en boulangerie » (1 profil sans réponse)');
    const notification = (await inbox(org.users.staffNord)).find(
      (item) => item.kind === 'shortlist_reminder' && item.subjectId === byHand.id,
    );
    expect(notification?.message).toContain('appelez l’employeur');
    const employer = await staff().get(`/employers/${bakery.employerId}`).expect(200);
    expect(
      (employer.body as { interactions: Array<{ kind: string }> }).interactions.map((item) => item.kind),
    ).toContain('reminder');
  });

  it('refuses a contact address carrying a header, and neutralises one planted in the database: a call instead, no mail', async () => {
    const injected = 'rh@boulangerie-paul.example\r\nBcc: spy@evil.example';
    const refused = await staff()
      .post(`/employers/${bakery.employerId}/contacts`, { name: 'Mme Espion', email: injected })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('email');
    const sent = await sendShortlist(['Gael']);
    // Planted past the API (an import, an old row): the mailer is the last defence.
    await db.query(`UPDATE employer_contact SET email = $2, name = $3 WHERE id = $1`, [
      bakery.contactId,
      injected,
      'M. Lefebvre\r\nSubject: faux',
    ]);
    await db.query(`UPDATE offer SET title = $2 WHERE id = $1`, [bakery.offerId, 'Vendeur\r\nBcc: spy@evil.example']);
    try {
      const mailsBefore = mailer.sent.length;
      clock.set(WEDNESDAY_AFTER);
      await remind();
      expect(await reminderOf(sent.id)).toMatchObject({ reminder_channel: 'call' });
      const html = (await request(api.url).get(sent.path).expect(200)).text;
      await answer(sent.path, { entry: entryOf(html, 'Gael'), answer: 'question', question: 'Dispo ?' }).expect(200);
      await staff()
        .post(`/shortlists/${sent.id}/replies`, { entryId: entryOf(html, 'Gael'), body: 'Oui.' })
        .expect(201);
      expect(mailer.sent).toHaveLength(mailsBefore);
      expect(mailer.sent.some((mail) => mail.to.includes('evil') || mail.subject.includes('evil'))).toBe(false);
    } finally {
      await db.query(`UPDATE employer_contact SET email = $2, name = 'M. Lefebvre' WHERE id = $1`, [
        bakery.contactId,
        bakery.contactEmail,
      ]);
      await db.query(`UPDATE offer SET title = 'Vendeur en boulangerie' WHERE id = $1`, [bakery.offerId]);
    }
  });

  describe('card and shortlist links expire by the application clock', () => {
    const DAY = 86_400_000;
    /** The staff member logs in again on the moved clock (sessions follow it too). */
    const staffOnClock = async (): Promise<TestUser> => {
      const response = await login(api, org.users.staffNord.email, TEST_PASSWORD).expect(200);
      return { ...org.users.staffNord, accessToken: (response.body as { accessToken: string }).accessToken };
    };

    it('a card link sent with the clock 40 days ahead lasts 30 days from the clock: open on day 29, refused on day 31', async () => {
      const sentAt = new Date(Date.now() + 40 * DAY);
      clock.set(sentAt);
      const sent = await as(await staffOnClock())
        .post(`/introductions/${idOf('Hugo')}/links`, {})
        .expect(201);
      const { url, expiresAt } = sent.body as { url: string; expiresAt: string };
      // Dated from the clock: 30 days after the clock's now, far past the machine's 30 days.
      expect(Math.abs(Date.parse(expiresAt) - (sentAt.getTime() + 30 * DAY))).toBeLessThan(60_000);
      clock.set(new Date(sentAt.getTime() + 29 * DAY));
      expect((await request(api.url).get(pathOf(url)).expect(200)).text).toContain('Hugo');
      clock.set(new Date(sentAt.getTime() + 31 * DAY));
      expect((await request(api.url).get(pathOf(url)).expect(410)).text).toContain('expiré');
      await answer(pathOf(url), { answer: 'interested' }).expect(410);
      const answers = await db.query<unknown[]>(
        `SELECT 1 FROM introduction_event WHERE introduction_id = $1 AND kind = 'answered'`,
        [idOf('Hugo')],
      );
      expect(answers).toHaveLength(0);
    });

    it('a shortlist sent now is open until the clock reaches its expiry, then refused, answers included', async () => {
      const sent = await staff()
        .post('/shortlists', { offerId: bakery.offerId, introductionIds: [idOf('Iris')] })
        .expect(201);
      const { url, expiresAt } = sent.body as { url: string; expiresAt: string };
      const path = pathOf(url);
      const html = (await request(api.url).get(path).expect(200)).text;
      const entry = entryOf(html, 'Iris');
      clock.set(new Date(Date.parse(expiresAt) - 60_000));
      expect((await request(api.url).get(path).expect(200)).text).toContain('>Iris</h2>');
      clock.set(new Date(Date.parse(expiresAt) + 60_000));
      expect((await request(api.url).get(path).expect(410)).text).toContain('expiré');
      await answer(path, { entry, answer: 'not_now', reason: 'schedule' }).expect(410);
      const [row] = await db.query<Array<{ answer: string | null }>>(
        'SELECT answer FROM shortlist_entry WHERE id = $1',
        [entry],
      );
      expect(row.answer).toBeNull();
    });
  });

  it('counts the working days of the employer’s département: no reminder in Bas-Rhin over Good Friday and Easter Monday until the third', async () => {
    // Sent on Thursday 2 April 2026. Nationally the third working day is Wednesday 8 (Easter Monday
    // skipped); in Bas-Rhin Good Friday is a holiday too, so it is Thursday 9.
    const sentThursday = new Date('2026-04-02T08:00:00Z');
    const wednesday = new Date('2026-04-08T08:30:00Z');
    const thursday = new Date('2026-04-09T08:30:00Z');
    const [{ commune_insee: commune }] = await db.query<Array<{ commune_insee: string }>>(
      'SELECT commune_insee FROM employer WHERE id = $1',
      [bakery.employerId],
    );
    await db.query(`UPDATE employer SET commune_insee = '67482' WHERE id = $1`, [bakery.employerId]);
    try {
      const sent = await staff()
        .post('/shortlists', { offerId: bakery.offerId, introductionIds: [idOf('Iris')], contactId: bakery.contactId })
        .expect(201);
      const { id } = sent.body as { id: string };
      await db.query('UPDATE shortlist SET created_at = $2 WHERE id = $1', [id, sentThursday]);
      clock.set(wednesday);
      await remind();
      expect(await reminderOf(id)).toEqual({ reminded_at: null, reminder_channel: null });
      clock.set(thursday);
      await remind();
      expect(await reminderOf(id)).toMatchObject({ reminder_channel: 'email' });
    } finally {
      await db.query('UPDATE employer SET commune_insee = $2 WHERE id = $1', [bakery.employerId, commune]);
    }
  });

  describe('a need posted by an employer', () => {
    let employerId: string;
    let needPath: string;
    const aNeed = (jobTitle: string, contactEmail: string) => ({
      jobTitle,
      place: '59000 Lille',
      hours: 'Du mardi au samedi, 6 h – 13 h',
      startOn: addDays(parisToday(), 10),
      contractType: 'CDI',
      whatMatters: 'Le sourire ; le métier s’apprend sur place.',
      contactName: 'Claire Fournil',
      contactEmail,
    });
    const qualify = async (title: string, publish: boolean) => {
      const needs = (await staff().get('/employers/needs').expect(200)).body as {
        items: Array<{ jobTitle: string; jobAnalysisId: string }>;
      };
      const need = needs.items.find((item) => item.jobTitle === title)!;
      await staff()
        .post(`/employers/${employerId}/job-analyses/${need.jobAnalysisId}/qualification`, {
          title,
          romeCode: 'D1104',
          tasks: ['Préparer les pâtes'],
          tools: [],
          initialRequirements: [],
          realRequirements: ['Ponctualité'],
          negotiatedAway: [],
          contractType: 'CDI',
          workingTime: 'full_time',
          analysedOn: parisToday(),
          publish,
        })
        .expect(201);
    };

    beforeAll(async () => {
      const employer = await staff()
        .post('/employers', { name: 'Pâtisserie du Beffroi', commune: { inseeCode: '59350' } })
        .expect(201);
      employerId = (employer.body as { id: string }).id;
      const link = await staff().post(`/employers/${employerId}/need-links`).expect(201);
      needPath = pathOf((link.body as { url: string }).url);
    });

    it('is acknowledged by e-mail once qualified and published, audited, and its page shows its state', async () => {
      await request(api.url)
        .post(needPath)
        .type('form')
        .send(aNeed('Pâtissier·e', 'claire@patisserie.example'))
        .expect(201);
      const waiting = await request(api.url).get(needPath).expect(200);
      expect(waiting.text).toContain('Vos besoins déjà envoyés');
      expect(waiting.text).toMatch(
        /Pâtissier·e<\/strong>, envoyé le [^:]+ : <span class="need-state">reçu, en attente/,
      );
      expect(mailsTo('claire@patisserie.example')).toHaveLength(0);

      await qualify('Pâtissier·e', true);
      const [mail] = mailsTo('claire@patisserie.example');
      expect(mail.subject).toBe('Votre besoin « Pâtissier·e » a été pris en charge');
      expect(mail.text).toContain('Bonjour Claire Fournil');
      // The mediator's display name is their login here: the employer never reads it.
      expect(mail.text).toContain('repris par un·e chargé·e de relation entreprise');
      expect(mail.text).not.toContain('staff.nord');
      expect(mail.text).toContain('L’offre est maintenant publiée');
      for (const word of WELFARE) expect(mail.text).not.toContain(word);
      const shown = await request(api.url).get(needPath).expect(200);
      expect(shown.text).toMatch(/need-state">repris le [^,]+, offre publiée/);
      const audits = await db.query<Array<{ emailed_to: string }>>(
        `SELECT details->>'emailedTo' AS emailed_to FROM audit_event
         WHERE action = 'share' AND subject_type = 'employer_need' AND details->>'part' = 'need_acknowledgement'`,
      );
      expect(audits.map((audit) => audit.emailed_to)).toEqual(['claire@patisserie.example']);
    });

    it('says a need qualified but not published is taken up, and writes to no one who left only a phone', async () => {
      await request(api.url)
        .post(needPath)
        .type('form')
        .send(aNeed('Tourier·e', 'tour@patisserie.example'))
        .expect(201);
      await qualify('Tourier·e', false);
      const [mail] = mailsTo('tour@patisserie.example');
      expect(mail.text).toContain('nous revenons vers vous avant de proposer des personnes');
      expect((await request(api.url).get(needPath).expect(200)).text).toMatch(
        /need-state">repris le [^,]+, pas encore publié/,
      );

      const mailsBefore = mailer.sent.length;
      await request(api.url)
        .post(needPath)
        .type('form')
        .send({ ...aNeed('Vendeur·se', ''), contactPhone: '0601020304' })
        .expect(201);
      await qualify('Vendeur·se', true);
      expect(mailer.sent).toHaveLength(mailsBefore);
    });
  });
});
