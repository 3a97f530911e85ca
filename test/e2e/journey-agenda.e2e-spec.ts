/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday, SendDueReminders } from '@passerelle/coaching';
import { CapturingMailer, CapturingSmsSender, Clock, Mailer, SmsSender } from '@passerelle/core';
import {
  as as asUser,
  auditPage,
  createTestContext,
  launchChromium,
  seedOrganisation,
  signInThroughForm,
  startApi,
  TEST_PASSWORD,
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

/** A `datetime-local` value in Paris time. */
function parisLocal(at: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return parts.replace(' ', 'T');
}

/**
 * The coach's week in a real browser: a collective session planned from the agenda with three people,
 * attendance recorded and shown in the journal; a free slot opened, a person invited from their file,
 * the slot booked through the link on a phone without an account, and the reminder captured the day
 * before (the application's controllable clock, the worker's sweep). Each screen passes axe.
 */
describe('the coach’s agenda in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let browser: Browser;
  let db: DataSource;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const coach = asUser(api, org.users.coachLille);
    for (const [firstName, consents] of [
      ['Amel', ['contact_by_email', 'contact_by_sms']],
      ['Bastien', ['contact_by_email']],
      ['Céline', []],
    ] as const) {
      const created = await coach
        .post('/beneficiaries', {
          firstName,
          lastName: 'Semaine',
          email: `${firstName.toLowerCase()}@exemple.fr`,
          phone: '06 98 76 54 32',
          commune: { inseeCode: '59350' },
          orientationDate: addDays(parisToday(), -30),
        })
        .expect(201);
      people[firstName] = (created.body as { id: string }).id;
      for (const purpose of consents)
        await coach.post(`/beneficiaries/${people[firstName]}/consents`, { purpose }).expect(201);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('plans a collective session, records attendance into the journal, invites, books through the link, reminds the day before', async () => {
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page: Page = await signInThroughForm(coachContext, api.url, 'coach.lille@test.passerelle.fr', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();

    // A workshop that started ten minutes ago (so its attendance can be taken now), with the three people.
    await page.getByText('Planifier un rendez-vous ou un atelier').click();
    await page.getByRole('button', { name: /Individuel, en présentiel/ }).click();
    await page.getByRole('option', { name: 'Atelier collectif' }).click();
    await page
      .getByLabel('Début', { exact: false })
      .first()
      .fill(parisLocal(new Date(Date.now() - 600_000)));
    await page.getByLabel('Titre de l’atelier').fill('Atelier CV');
    await page.getByLabel('Nombre de places').fill('8');
    await page.getByLabel(/^Lieu/).first().fill('Maison de l’emploi, Lille');
    for (const name of ['Amel Semaine', 'Bastien Semaine', 'Céline Semaine'])
      await page.getByRole('checkbox', { name }).check({ force: true });
    await auditPage(page, 'journey-agenda-plan');
    await page.getByRole('button', { name: 'Planifier', exact: true }).click();
    await page.getByText('Atelier planifié.').waitFor();
    const session = page.getByRole('article', { name: /Atelier CV/ });
    await session.waitFor();
    await auditPage(page, 'journey-agenda-week');

    await session
      .getByRole('group', { name: 'Présence de Amel Semaine' })
      .getByRole('button', { name: 'Présent·e' })
      .click();
    await page.getByText('Présence enregistrée.').waitFor();
    await session
      .getByRole('group', { name: 'Présence de Bastien Semaine' })
      .getByRole('button', { name: 'Excusé·e' })
      .click();
    await session.getByText('Excusé·e', { exact: true }).last().waitFor();

    // Amel's journal holds the workshop as a collective contact; Bastien's holds nothing.
    await session.getByRole('link', { name: 'Amel Semaine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amel Semaine' }).waitFor();
    const journal = page.getByRole('list', { name: 'Entrées du journal' });
    await journal.getByText(/Atelier collectif « Atelier CV » à \d\d:\d\d : présent·e\./).waitFor();
    await page.getByRole('list', { name: 'Rendez-vous de la personne' }).getByText('Présent·e').waitFor();
    await auditPage(page, 'journey-agenda-file');
    const events: Array<{ kind: string; collective: boolean }> = await db.query(
      'SELECT kind, collective FROM coaching_event WHERE beneficiary_id = $1 AND deleted_at IS NULL',
      [people.Amel],
    );
    expect(events).toEqual([{ kind: 'workshop', collective: true }]);

    // A free slot in two days at 14:00, then Amel is invited from her file.
    const slotDay = addDays(parisToday(), 2);
    await page.getByRole('link', { name: 'Agenda', exact: true }).click();
    await page.getByLabel('Début du créneau').fill(`${slotDay}T14:00`);
    await page.getByLabel('Lieu du créneau').fill('Bureau 3');
    await page.getByRole('button', { name: 'Ouvrir ce créneau' }).click();
    await page.getByText(/^Créneau ouvert le/).waitFor();
    await page.goto(`${api.url}/app/personnes/${people.Amel}`);
    await page.getByRole('button', { name: 'Inviter à choisir un créneau' }).click();
    const status = page.getByRole('list', { name: 'Envoi de l’invitation' });
    await status.getByText('E-mail : envoyé').waitFor();
    await status.getByText('SMS : envoyé').waitFor();
    const link = await page.getByRole('link', { name: /\/app\/rendez-vous\// }).getAttribute('href');
    const sms = api.app.get<SmsSender, CapturingSmsSender>(SmsSender);
    expect(sms.sent.at(-1)?.text).toContain(link!);
    await coachContext.close();

    // Amel opens the link on her phone, without an account, and picks the slot.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true });
    const booking = await phone.newPage();
    await booking.goto(link!);
    await booking.getByRole('heading', { level: 1, name: 'Choisir un rendez-vous' }).waitFor();
    await booking.getByText('Bonjour Amel,').waitFor();
    expect(await booking.getByText('Semaine').count()).toBe(0);
    await auditPage(booking, 'journey-agenda-booking');
    await booking.getByRole('button', { name: /14:00 – 14:45 · Présentiel · Bureau 3/ }).click();
    await booking.getByText(/Votre rendez-vous est confirmé/).waitFor();
    await auditPage(booking, 'journey-agenda-booked');
    await phone.close();
    const booked: Array<{ starts_at: Date }> = await db.query(
      `SELECT a.starts_at FROM appointment a JOIN appointment_participant p ON p.appointment_id = a.id
       WHERE p.beneficiary_id = $1 AND a.kind = 'in_person'`,
      [people.Amel],
    );
    expect(booked.map((row) => row.starts_at.toISOString())).toEqual([paris(slotDay, 14).toISOString()]);

    // The day before at 10:01 (the application's clock), the worker's sweep sends the reminder.
    const mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    const clock = api.app.get(Clock);
    clock.set(paris(addDays(slotDay, -1), 10, 1));
    try {
      await api.app.get(SendDueReminders).execute();
    } finally {
      clock.reset();
    }
    const reminder = mailer.sent.filter(
      (message) => message.aboutPersonId === people.Amel && message.subject.startsWith('Rappel'),
    );
    expect(reminder).toHaveLength(1);
    expect(reminder[0].text).toContain('à 14:00 (Bureau 3)');
    expect(
      sms.sent.filter((message) => message.aboutPersonId === people.Amel && message.text.startsWith('Rappel')),
    ).toHaveLength(1);
    expect(sms.sent.some((message) => message.aboutPersonId === people.Céline)).toBe(false);
  });
});
