/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, CheckContactRhythm, parisToday, SendDueReminders } from '@passerelle/coaching';
import { CapturingMailer, CapturingSmsSender, Clock, Mailer, SmsSender } from '@passerelle/core';
import {
  as as asUser,
  auditPage,
  createTestContext,
  launchChromium,
  seedOrganisation,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

/** The instant of a Paris wall-clock time. */
function paris(day: string, hour: number, minute = 0): Date {
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const wall = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'Europe/Paris' }) + ' UTC').getTime();
  return new Date(guess - (wall - guess));
}

/**
 * Issue 21's done criterion, in a real browser: a coach plans a collective session, invites three
 * people by link, one of them books a place in the session through the link on her phone, the
 * reminder is captured the day before (the application's controllable clock, the worker's sweep),
 * the coach records her attendance on the session's day, and her contact-rhythm alert clears. The
 * browser's clock follows the application's on the session's day. Each screen passes axe; outcomes
 * are read on screen and in the database.
 */
describe('the coach’s week, end to end, in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let browser: Browser;
  let db: DataSource;
  let clock: Clock;
  const people: Record<string, string> = {};
  const today = parisToday();
  const sessionDay = addDays(today, 3);
  const sessionStart = paris(sessionDay, 9, 30);

  const coachContext = async (at?: Date): Promise<{ browserContext: BrowserContext; page: Page }> => {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    if (at) await browserContext.clock.setFixedTime(at);
    const page = await signInThroughForm(
      browserContext,
      api.url,
      org.users.coachLille.email,
      org.users.coachLille.password,
    );
    return { browserContext, page };
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    clock = api.app.get(Clock);
    const coach = asUser(api, org.users.coachLille);
    for (const [firstName, consents] of [
      ['Amel', ['contact_by_email', 'contact_by_sms']],
      ['Bastien', ['contact_by_email']],
      ['Céline', ['contact_by_sms']],
    ] as const) {
      const created = await coach
        .post('/beneficiaries', {
          firstName,
          lastName: 'Atelier',
          email: `${firstName.toLowerCase()}@exemple.fr`,
          phone: '06 98 76 54 32',
          commune: { inseeCode: '59350' },
          orientationDate: addDays(today, -40),
        })
        .expect(201);
      people[firstName] = (created.body as { id: string }).id;
      for (const purpose of consents)
        await coach.post(`/beneficiaries/${people[firstName]}/consents`, { purpose }).expect(201);
    }
    // Followed by this coach for forty days without a contact; the Nord asks for one every fourteen days.
    await db.query(`UPDATE beneficiary_assignment SET started_at = now() - interval '40 days'`);
    await asUser(api, org.users.managerNord)
      .put(`/contact-rhythms/${org.structures.lille}`, { contacts: 1, periodDays: 14 })
      .expect(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    clock?.reset();
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('plans a workshop, invites three, one books it through the link, is reminded the day before, attends, and her rhythm alert clears', async () => {
    // The coach plans the workshop, with nobody yet: the people will pick it themselves.
    const planning = await coachContext();
    let page = planning.page;
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByText('Planifier un rendez-vous ou un atelier').click();
    await page.getByRole('button', { name: /Individuel, en présentiel/ }).click();
    await page.getByRole('option', { name: 'Atelier collectif' }).click();
    await page.getByLabel('Début', { exact: false }).first().fill(`${sessionDay}T09:30`);
    await page.getByLabel('Titre de l’atelier').fill('Atelier CV');
    await page.getByLabel('Nombre de places').fill('8');
    await page.getByLabel(/^Lieu/).first().fill('Maison de l’emploi, Lille');
    await page.getByRole('button', { name: 'Planifier', exact: true }).click();
    await page.getByText('Atelier planifié.').waitFor();
    await page.getByRole('article', { name: /Atelier CV/ }).waitFor();
    await auditPage(page, 'journey-coach-week-planned');
    const [session]: Array<{ id: string; capacity: number; participants: number }> = await db.query(
      `SELECT a.id, a.capacity, (SELECT count(*)::int FROM appointment_participant p WHERE p.appointment_id = a.id) AS participants
       FROM appointment a WHERE a.kind = 'collective' AND a.title = 'Atelier CV' AND a.starts_at = $1`,
      [sessionStart],
    );
    expect(session).toMatchObject({ capacity: 8, participants: 0 });

    // Three invitations, each from the person's file, by the channels each consented to.
    const links: Record<string, string> = {};
    for (const [firstName, channels] of [
      ['Amel', ['E-mail : envoyé', 'SMS : envoyé']],
      ['Bastien', ['E-mail : envoyé']],
      ['Céline', ['SMS : envoyé']],
    ] as const) {
      await page.goto(`${api.url}/app/personnes/${people[firstName]}`);
      await page.getByRole('heading', { level: 1, name: `${firstName} Atelier` }).waitFor();
      await page.getByRole('button', { name: 'Inviter à choisir un créneau' }).click();
      const status = page.getByRole('list', { name: 'Envoi de l’invitation' });
      for (const channel of channels) await status.getByText(channel).waitFor();
      links[firstName] = (await page.getByRole('link', { name: /\/app\/rendez-vous\// }).getAttribute('href'))!;
    }
    await auditPage(page, 'journey-coach-week-invited');
    await planning.browserContext.close();
    const invitations: Array<{ first_name: string; channel: string }> = await db.query(
      `SELECT b.first_name, d.channel FROM message_delivery d JOIN beneficiary b ON b.id = d.beneficiary_id
       WHERE d.purpose = 'invitation' AND d.status = 'sent' ORDER BY b.first_name, d.channel`,
    );
    expect(invitations).toEqual([
      { first_name: 'Amel', channel: 'email' },
      { first_name: 'Amel', channel: 'sms' },
      { first_name: 'Bastien', channel: 'email' },
      { first_name: 'Céline', channel: 'sms' },
    ]);
    const sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    expect(sms.sent.find((message) => message.aboutPersonId === people.Amel)?.text).toContain(links.Amel);

    // Amel opens her link on her phone, without an account, and takes a place in the workshop.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true });
    const booking = await phone.newPage();
    await booking.goto(links.Amel);
    await booking.getByRole('heading', { level: 1, name: 'Choisir un rendez-vous' }).waitFor();
    await booking.getByText('Bonjour Amel,').waitFor();
    await auditPage(booking, 'journey-coach-week-booking');
    await booking
      .getByRole('button', { name: /09:30 – 10:30 · Atelier « Atelier CV » · Maison de l’emploi, Lille/ })
      .click();
    await booking.getByText(/Votre rendez-vous est confirmé/).waitFor();
    await booking.getByText(/atelier « Atelier CV »/).waitFor();
    await auditPage(booking, 'journey-coach-week-booked');
    await phone.close();
    const participants: Array<{ beneficiary_id: string }> = await db.query(
      'SELECT beneficiary_id FROM appointment_participant WHERE appointment_id = $1',
      [session.id],
    );
    expect(participants).toEqual([{ beneficiary_id: people.Amel }]);
    const [invitation]: Array<{ booked_appointment_id: string }> = await db.query(
      'SELECT booked_appointment_id FROM booking_invitation WHERE beneficiary_id = $1',
      [people.Amel],
    );
    expect(invitation.booked_appointment_id).toBe(session.id);

    // The day before at 10:01 (the application's clock), the worker's sweep sends Amel the reminder.
    const mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    clock.set(paris(addDays(sessionDay, -1), 10, 1));
    await api.app.get(SendDueReminders).execute();
    const reminders = mailer.sent.filter((message) => message.subject.startsWith('Rappel'));
    expect(reminders.map((message) => message.aboutPersonId)).toEqual([people.Amel]);
    expect(reminders[0].text).toContain('l’atelier « Atelier CV »');
    expect(reminders[0].text).toContain('à 09:30 (Maison de l’emploi, Lille)');
    expect(
      sms.sent.filter((message) => message.aboutPersonId === people.Amel && message.text.startsWith('Rappel')),
    ).toHaveLength(1);

    // The session's day, a quarter of an hour in (the application's and the browser's clock): the
    // daily rhythm check has flagged all three people; the coach takes Amel's attendance.
    const during = new Date(sessionStart.getTime() + 15 * 60_000);
    clock.set(during);
    await api.app.get(CheckContactRhythm).execute();
    const alerts = async (): Promise<string[]> => {
      const rows: Array<{ subject_id: string }> = await db.query(
        `SELECT subject_id FROM user_notification WHERE kind = 'contact_rhythm_behind' ORDER BY subject_id`,
      );
      return rows.map((row) => row.subject_id);
    };
    expect(await alerts()).toEqual([people.Amel, people.Bastien, people.Céline].sort());

    const day = await coachContext(during);
    page = day.page;
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await page
      .getByRole('row', { name: /Amel Atelier/ })
      .getByText('En retard sur le rythme de contact')
      .waitFor();
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    const workshop = page.getByRole('article', { name: /Atelier CV/ });
    await workshop
      .getByRole('group', { name: 'Présence de Amel Atelier' })
      .getByRole('button', { name: 'Présent·e' })
      .click();
    await page.getByText('Présence enregistrée.').waitFor();
    await auditPage(page, 'journey-coach-week-attendance');
    const [attended]: Array<{ attendance: string; kind: string; occurred_on: string }> = await db.query(
      `SELECT p.attendance, e.kind, e.occurred_on::text FROM appointment_participant p
       JOIN coaching_event e ON e.id = p.journal_event_id WHERE p.appointment_id = $1 AND p.beneficiary_id = $2`,
      [session.id, people.Amel],
    );
    expect(attended).toEqual({ attendance: 'present', kind: 'workshop', occurred_on: sessionDay });

    // Her alert is gone at once (the others' stay); her portfolio row is back at the rhythm.
    expect(await alerts()).toEqual([people.Bastien, people.Céline].sort());
    await page.goto(`${api.url}/app/portefeuille`);
    const row = page.getByRole('row', { name: /Amel Atelier/ });
    await row.getByText(/1 sur 1 attendu/).waitFor();
    expect(await row.getByText('En retard sur le rythme de contact').count()).toBe(0);
    await page
      .getByRole('row', { name: /Bastien Atelier/ })
      .getByText('En retard sur le rythme de contact')
      .waitFor();
    await auditPage(page, 'journey-coach-week-cleared');
    await day.browserContext.close();
  });
});
