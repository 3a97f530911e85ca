import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { CapturingMailer, Clock, Mailer } from '@passerelle/core';
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
import { acceptedIntroduction, type AcceptedIntroduction } from '../support/card-link-fixture.js';

const PER_LINK = 20;
const DAY = 86_400_000;

interface FollowUp {
  id: string;
  milestone: string;
  dueOn: string;
  state: string;
  answer: { inJob: boolean } | null;
  employerForm: {
    linkId: string;
    state: string;
    contactName: string;
    answer: {
      source: string;
      inJob: boolean;
      endDate: string | null;
      endReason: string | null;
      remark: string | null;
    } | null;
  } | null;
}

interface Link {
  id: string;
  state: string;
  contactEmail: string;
  openedAt: string | null;
  answeredAt: string | null;
  revokedAt: string | null;
}

/** Waits out the end of a one-minute rate window, so a burst is counted in one window. */
async function awayFromWindowEnd(): Promise<void> {
  const second = (Date.now() / 1000) % 60;
  if (second > 40) await new Promise((resolve) => setTimeout(resolve, (60.5 - second) * 1000));
}

/**
 * The employer's side of a job's checkpoint (issue 23): the mediator who recorded the hire sends
 * the employer contact a signed, expiring, revocable link to a two-question form without an
 * account; the answer reaches the checkpoint the coach sees, the job's end and both inboxes, once.
 * Each defence is attacked: expiry, revocation, a tampered token, a replayed answer, a flood.
 */
describe('employer follow-up form: links, the answer, its effects and its defences', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let mailer: CapturingMailer;
  let intro: AcceptedIntroduction;
  let placementId: string;
  let m1: string;
  let m3: string;
  let startDate: string;
  let noEmailContactId: string;

  const as = (user: TestUser) => asUser(api, user);
  const mediator = () => as(org.users.staffNord);
  const publicApi = () => request(api.url);
  const pathOf = (url: string) => new URL(url).pathname;
  const answer = (path: string, form: Record<string, string>, address = '192.0.2.1') =>
    publicApi().post(path).set('X-Forwarded-For', address).type('form').send(form);
  const send = (followUpId: string, body: object = { contactId: intro.contactId }) =>
    mediator().post(`/follow-ups/${followUpId}/employer-links`, body);
  const sendPath = async (followUpId: string, body?: object): Promise<string> =>
    pathOf(((await send(followUpId, body).expect(201)).body as { url: string }).url);
  const followUpOf = async (user: TestUser, id: string): Promise<FollowUp> =>
    ((await as(user).get('/follow-ups').expect(200)).body as { items: FollowUp[] }).items.find(
      (item) => item.id === id,
    )!;
  const links = async (user: TestUser, id: string): Promise<Link[]> =>
    ((await as(user).get(`/follow-ups/${id}/employer-links`).expect(200)).body as { items: Link[] }).items;
  const displayName = async (user: TestUser): Promise<string> =>
    (await db.query<Array<{ display_name: string }>>('SELECT display_name FROM app_user WHERE id = $1', [user.id]))[0]
      .display_name;

  beforeAll(async () => {
    context = await createTestContext({
      referential: true,
      env: { CARD_RATE_LIMIT_PER_MINUTE: '1000', CARD_LINK_RATE_LIMIT_PER_MINUTE: String(PER_LINK) },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    intro = await acceptedIntroduction(api.url, org);
    // Accounts named as people are: the employer reads these names, never the logins.
    for (const [user, displayName] of [
      [org.users.staffNord, 'Sacha Lemaire'],
      [org.users.coachLille, 'Camille Martin'],
    ] as const)
      await as(org.admin).patch(`/users/${user.id}`, { displayName }).expect(200);
    const noEmail = await mediator()
      .post(`/employers/${intro.employerId}/contacts`, { name: 'M. Sans Courriel', phone: '0320000000' })
      .expect(201);
    noEmailContactId = (noEmail.body as { id: string }).id;
    // The mediator walks the introduction to the hire and records the job, started 35 days ago:
    // its M+1 checkpoint is due, its M+3 not yet.
    const move = (to: string, extra: object = {}) =>
      mediator()
        .post(`/introductions/${intro.introductionId}/transitions`, { to, ...extra })
        .expect(200);
    await move('employer_interested');
    await move('interview', { interviewAt: `${addDays(parisToday(), 2)}T10:00:00+01:00`, interviewPlace: 'Boutique' });
    await move('hired');
    startDate = addDays(parisToday(), -35);
    const placement = await mediator()
      .post('/placements', {
        introductionId: intro.introductionId,
        contractType: 'cdd',
        contractMonths: 6,
        startDate,
      })
      .expect(201);
    const view = placement.body as { id: string; checkpoints: Array<{ id: string; milestone: string }> };
    placementId = view.id;
    m1 = view.checkpoints.find((checkpoint) => checkpoint.milestone === 'm1')!.id;
    m3 = view.checkpoints.find((checkpoint) => checkpoint.milestone === 'm3')!.id;
  });

  afterEach(() => api.app.get(Clock).reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it('refuses malformed requests with 400 naming the field, and broken rules with 422 naming the field', async () => {
    const notUuid = await send(m1, { contactId: 'durand' }).expect(400);
    expect(notUuid.body).toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ field: 'contactId' })]),
    });
    const tooLong = await send(m1, { contactId: intro.contactId, days: 400 }).expect(400);
    expect(tooLong.body).toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ field: 'days' })]),
    });
    const noEmail = await send(m1, { contactId: noEmailContactId }).expect(422);
    expect(noEmail.body).toMatchObject({ code: 'follow_up.no_contact_email', details: [{ field: 'contactId' }] });
    const notDue = await send(m3).expect(422);
    expect(notDue.body).toMatchObject({ code: 'follow_up.invalid', details: [{ field: 'dueOn' }] });
    // Neither the checkpoint's assignee nor the person's referent: as if it did not exist.
    await as(org.users.coachNord).post(`/follow-ups/${m1}/employer-links`, { contactId: intro.contactId }).expect(404);
    await as(org.users.coachNord).get(`/follow-ups/${m1}/employer-links`).expect(404);
    // A manager has no right to manage employers.
    await as(org.users.managerNord)
      .post(`/follow-ups/${m1}/employer-links`, { contactId: intro.contactId })
      .expect(403);
    expect(await links(org.users.staffNord, m1)).toEqual([]);
  });

  it('opens nothing with a tampered or unknown token (404), and nothing on another kind of page', async () => {
    const path = await sendPath(m1);
    const token = path.split('/').at(-1)!;
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await publicApi().get(`/suivis-employeur/${flipped}`).expect(404);
    await answer(`/suivis-employeur/${flipped}`, { stillEmployed: 'oui' }).expect(404);
    await publicApi()
      .get(`/suivis-employeur/${token.slice(0, 20)}`)
      .expect(404);
    await publicApi()
      .get(`/suivis-employeur/${randomBytes(32).toString('base64url')}`)
      .expect(404);
    // The token of a follow-up link is no card token.
    await publicApi().get(`/cartes/${token}`).expect(404);
    const [link] = await links(org.users.staffNord, m1);
    expect(link).toMatchObject({ state: 'sent', openedAt: null });
    await mediator().delete(`/follow-ups/${m1}/employer-links/${link.id}`).expect(204);
  });

  it('closes a link once expired (410) and once revoked (410), and a revoked link cannot be revoked again', async () => {
    const expiring = await sendPath(m1, { contactId: intro.contactId, days: 1 });
    await publicApi().get(expiring).expect(200);
    api.app.get(Clock).set(new Date(Date.now() + 1 * DAY + 60_000));
    const expired = await publicApi().get(expiring).expect(410);
    expect(expired.text).toContain('Ce lien a expiré');
    await answer(expiring, { stillEmployed: 'oui' }).expect(410);
    api.app.get(Clock).reset();

    const revoked = await sendPath(m1);
    const [link] = await links(org.users.staffNord, m1);
    await mediator().delete(`/follow-ups/${m1}/employer-links/${link.id}`).expect(204);
    const gone = await publicApi().get(revoked).expect(410);
    expect(gone.text).toContain('désactivé');
    await answer(revoked, { stillEmployed: 'oui' }).expect(410);
    await mediator().delete(`/follow-ups/${m1}/employer-links/${link.id}`).expect(404);
    const answered = await db.query(
      'SELECT 1 FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
      [m1],
    );
    expect(answered).toHaveLength(0);
  });

  it('refuses requests on one link past its per-minute limit with 429, from however many addresses, and records none of the refused answers', async () => {
    const path = await sendPath(m1);
    await awayFromWindowEnd();
    for (let i = 0; i < PER_LINK - 1; i++)
      await publicApi()
        .get(path)
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .expect(200);
    // The last allowed request is an invalid answer; the next, a valid one, is refused.
    await answer(path, {}, '198.51.100.60').expect(422);
    const refused = await answer(path, { stillEmployed: 'oui' }, '198.51.100.61').expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.text).toContain('Trop de demandes');
    const answered = await db.query(
      'SELECT 1 FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
      [m1],
    );
    expect(answered).toHaveLength(0);
    const [link] = await links(org.users.staffNord, m1);
    await mediator().delete(`/follow-ups/${m1}/employer-links/${link.id}`).expect(204);
  });

  describe('a link answered by the employer', () => {
    let path: string;

    beforeAll(async () => {
      const before = mailer.sent.length;
      const sent = await send(m1).expect(201);
      expect(sent.body).toMatchObject({ emailedTo: intro.contactEmail });
      path = pathOf((sent.body as { url: string }).url);
      const mails = mailer.sent.slice(before);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ to: intro.contactEmail, aboutPersonId: intro.beneficiaryId });
      expect(mails[0].text).toContain(path);
      expect(mails[0].text).toContain('Jeannine N.');
      expect(mails[0].text).not.toContain('Nomdefamille');
    });

    it('shows the employer the person by first name and initial, the job and its start, and no welfare status, without script', async () => {
      const page = await publicApi().get(path).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).not.toContain('<script');
      expect(page.text).toContain('Jeannine N.');
      expect(page.text).toContain('Vendeur en boulangerie (CDD)');
      expect(page.text).toContain('La personne est-elle toujours en poste chez vous ?');
      expect(page.text).toContain('Quelque chose à signaler ?');
      expect(page.text).not.toContain('Nomdefamille');
      expect(page.text).not.toMatch(/RSA|allocataire|bénéficiaire/i);
      const [link] = await links(org.users.coachLille, m1);
      expect(link).toMatchObject({ state: 'opened', contactEmail: intro.contactEmail });
      expect(link.openedAt).not.toBeNull();
      expect((await followUpOf(org.users.coachLille, m1)).employerForm).toMatchObject({
        state: 'opened',
        answer: null,
      });
    });

    it('asks for the end date in French (JJ/MM/AAAA, a text field in a French page, not the browser’s date picker)', async () => {
      const page = (await publicApi().get(path).expect(200)).text;
      expect(page).toContain('<html lang="fr">');
      const field = page.match(/<input[^>]* id="endDate"[^>]*>/)?.[0] ?? '';
      expect(field).toContain('type="text"');
      expect(field).toContain('lang="fr"');
      expect(field).toContain('placeholder="jj/mm/aaaa"');
      expect(field).toContain('aria-describedby="endDate-hint"');
      expect(page).toContain('<label for="endDate">Date de fin (JJ/MM/AAAA)</label>');
      expect(page).toMatch(/id="endDate-hint">[^<]*Format attendu : JJ\/MM\/AAAA, par exemple 15\/03\/2027/);
    });

    it('names the date field in French when a date is refused, and gives back what was typed', async () => {
      const american = await answer(path, {
        stillEmployed: 'non',
        endDate: '11/31/2026',
        endReason: 'resignation',
      }).expect(422);
      expect(american.text).toContain(
        'id="endDate-problem">Date de fin : « 11/31/2026 » n’est pas une date valable. Écrivez-la au format JJ/MM/AAAA',
      );
      expect(american.text).toMatch(/<input[^>]* id="endDate" name="endDate" value="11\/31\/2026"/);
      const missing = await answer(path, { stillEmployed: 'non', endReason: 'resignation' }).expect(422);
      expect(missing.text).toContain('id="endDate-problem">Date de fin : indiquez le dernier jour');
    });

    it('sends the form back with each problem next to its field (422), recording nothing', async () => {
      const none = await answer(path, {}).expect(422);
      expect(none.text).toContain('id="stillEmployed-problem"');
      const left = await answer(path, { stillEmployed: 'non', remark: 'x'.repeat(1001) }).expect(422);
      for (const field of ['endDate', 'endReason', 'remark']) expect(left.text).toContain(`id="${field}-problem"`);
      expect(left.text).toContain('aria-invalid="true"');
      const beforeStart = await answer(path, {
        stillEmployed: 'non',
        endDate: addDays(startDate, -1),
        endReason: 'resignation',
      }).expect(422);
      expect(beforeStart.text).toContain('avant le début de l’emploi');
      const future = await answer(path, {
        stillEmployed: 'non',
        endDate: addDays(parisToday(), 3),
        endReason: 'resignation',
      }).expect(422);
      expect(future.text).toContain('dans le futur');
      await answer(path, { stillEmployed: 'non', endDate: '2026-02-30', endReason: 'resignation' }).expect(422);
      // Past the DTO's bounds: a malformed request, 400.
      await answer(path, { stillEmployed: 'oui', remark: 'x'.repeat(5000) }).expect(400);
      const rows = await db.query(
        'SELECT 1 FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
        [m1],
      );
      expect(rows).toHaveLength(0);
    });

    it('takes the answer once: acknowledged with who it went to, on the checkpoint, the job ended, both inboxes told', async () => {
      const endDate = addDays(parisToday(), -2);
      const [year, month, day] = endDate.split('-');
      const taken = await answer(path, {
        stillEmployed: 'non',
        // As a French employer types it.
        endDate: `${day}/${month}/${year}`,
        endReason: 'resignation',
        remark: 'Elle a trouvé un poste plus près de chez elle.',
      }).expect(201);
      expect(await displayName(org.users.staffNord)).toBe('Sacha Lemaire');
      expect(taken.text).toContain('votre réponse a été transmise à Sacha Lemaire et Camille Martin');
      for (const login of ['staff.nord', 'coach.lille', '@test.passerelle.fr']) expect(taken.text).not.toContain(login);
      expect(taken.text).not.toContain('<script');

      const [stored] = await db.query<
        Array<{ in_job: boolean; end_date: string; end_reason: string; remark: string; answered_at: Date }>
      >(
        'SELECT in_job, end_date, end_reason, remark, answered_at FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
        [m1],
      );
      expect(stored).toMatchObject({ in_job: false, end_date: endDate, end_reason: 'resignation' });
      const [placement] = await db.query<Array<{ end_date: string; end_reason: string }>>(
        'SELECT end_date, end_reason FROM placement WHERE id = $1',
        [placementId],
      );
      expect(placement).toEqual({ end_date: endDate, end_reason: 'resignation' });
      // The coach's own answer is not given for them: the checkpoint stays theirs to answer.
      const [checkpoint] = await db.query<Array<{ answered_at: Date | null }>>(
        'SELECT answered_at FROM follow_up WHERE id = $1',
        [m1],
      );
      expect(checkpoint.answered_at).toBeNull();

      const seen = await followUpOf(org.users.coachLille, m1);
      expect(seen.employerForm).toMatchObject({
        state: 'answered',
        contactName: 'Mme Durand',
        answer: {
          source: 'employer',
          inJob: false,
          endDate,
          endReason: 'resignation',
          remark: 'Elle a trouvé un poste plus près de chez elle.',
        },
      });
      // The answer is the person's data: in their export, without the contact who gave it.
      const exported = (await as(org.users.coachLille).get(`/beneficiaries/${intro.beneficiaryId}/export`).expect(200))
        .body as { employerFollowUpAnswers: unknown[] };
      expect(exported.employerFollowUpAnswers).toEqual([
        {
          milestone: 'm1',
          employerName: intro.employerName,
          job: 'Vendeur en boulangerie (CDD)',
          answeredAt: expect.any(String) as unknown,
          inJob: false,
          endDate,
          endReason: 'resignation',
          remark: 'Elle a trouvé un poste plus près de chez elle.',
        },
      ]);
      const readable = (
        await as(org.users.coachLille).get(`/beneficiaries/${intro.beneficiaryId}/export.txt`).expect(200)
      ).text;
      expect(readable).toContain('Message de l’employeur : Elle a trouvé un poste plus près de chez elle.');
      for (const user of [org.users.staffNord, org.users.coachLille]) {
        const inbox = (await as(user).get('/notifications').expect(200)).body as {
          items: Array<{ kind: string; subjectId: string; message: string }>;
        };
        const told = inbox.items.filter((item) => item.kind === 'follow_up_employer_answer');
        expect(told).toEqual([expect.objectContaining({ subjectId: m1 })]);
        expect(told[0].message).toContain('a quitté le poste');
        expect(told[0].message).not.toMatch(/RSA/);
      }
      const audited = await db.query<Array<{ action: string; n: string }>>(
        `SELECT action, count(*) AS n FROM audit_event WHERE subject_id = $1 AND details->>'part' = 'employer_follow_up'
         GROUP BY action ORDER BY action`,
        [intro.beneficiaryId],
      );
      expect(Object.fromEntries(audited.map((row) => [row.action, Number(row.n)]))).toMatchObject({
        share: expect.any(Number),
        read: expect.any(Number),
        update: expect.any(Number),
      });
    });

    it('refuses a replayed answer (409) showing the first one, changes nothing, and refuses a new link for the checkpoint', async () => {
      const replay = await answer(path, { stillEmployed: 'oui', remark: 'Finalement elle est restée' }).expect(409);
      expect(replay.text).toContain('Vous avez déjà répondu');
      expect(replay.text).toContain('Elle a trouvé un poste plus près de chez elle.');
      const again = await publicApi().get(path).expect(200);
      expect(again.text).toContain('Vous avez déjà répondu');
      expect(again.text).not.toContain('<form');
      const rows = await db.query<Array<{ in_job: boolean; remark: string }>>(
        'SELECT in_job, remark FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
        [m1],
      );
      expect(rows).toEqual([{ in_job: false, remark: 'Elle a trouvé un poste plus près de chez elle.' }]);
      const refused = await send(m1).expect(409);
      expect(refused.body).toMatchObject({ code: 'follow_up.employer_answered' });
      const inbox = (await as(org.users.coachLille).get('/notifications').expect(200)).body as {
        items: Array<{ kind: string }>;
      };
      expect(inbox.items.filter((item) => item.kind === 'follow_up_employer_answer')).toHaveLength(1);
    });

    it('counts the job’s end once: the coach still answers the checkpoint, and the end stays the recorded one', async () => {
      await as(org.users.coachLille).post(`/follow-ups/${m1}/answer`, { inJob: false }).expect(200);
      const seen = await followUpOf(org.users.coachLille, m1);
      expect(seen).toMatchObject({ state: 'answered', answer: { inJob: false }, employerForm: { state: 'answered' } });
      const ends = await db.query<Array<{ n: string }>>(
        'SELECT count(*) AS n FROM placement WHERE beneficiary_id = $1 AND end_date IS NOT NULL',
        [intro.beneficiaryId],
      );
      expect(Number(ends[0].n)).toBe(1);
      const answered = await db.query<Array<{ n: string }>>(
        'SELECT count(*) AS n FROM follow_up WHERE beneficiary_id = $1 AND answered_at IS NOT NULL',
        [intro.beneficiaryId],
      );
      expect(Number(answered[0].n)).toBe(1);
    });

    it('closes the link when the person is erased: 410, and nothing of the person or the answer on the page', async () => {
      await as(org.users.managerNord).post(`/beneficiaries/${intro.beneficiaryId}/erasure`).expect(200);
      const gone = await publicApi().get(path).expect(410);
      expect(gone.text).not.toContain('Jeannine');
      expect(gone.text).not.toContain('Elle a trouvé un poste');
      await answer(path, { stillEmployed: 'oui' }).expect(410);
    });
  });
});
