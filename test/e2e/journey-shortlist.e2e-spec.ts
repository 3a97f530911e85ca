/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as,
  auditPage,
  createTestContext,
  launchChromium,
  seedOrganisation,
  shortlistCandidates,
  signInThroughForm,
  startApi,
  type RunningApi,
  type ShortlistCandidates,
  type TestContext,
  type TestOrganisation,
  syncOffersIndex,
  TEST_PASSWORD,
} from '@passerelle/testing';

jest.setTimeout(240_000);

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', timezoneId: 'Europe/Paris', isMobile: true };
const BUDGET_BYTES = 100 * 1024;

/**
 * Issue 23's journey, every screen on a 390-px phone: a mediator sends a shortlist of three from the
 * offer's page → the employer, without an account, meets one (picks a slot), declines one with a
 * reason and asks a question about the third, each answer acknowledged with who heard it → the
 * mediator and the coach find all three in their notifications → the mediator replies to the question
 * and the employer reads the reply on the same link. Each screen passes axe-core; the employer's page
 * runs no script, the mediator's screens load under 100 kB of their own JavaScript; outcomes are
 * checked on screen and in PostgreSQL.
 */
describe('journey: a shortlist of three, answered by the employer on a phone, heard and replied to', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let bakery: ShortlistCandidates;
  /** The scripts the staff's screens loaded, and those the employer's page did, with their sizes. */
  const scripts: Array<{ url: string; bytes: number }> = [];
  const employerScripts: Array<{ url: string; bytes: number }> = [];

  const watchScripts = (browserContext: BrowserContext, into = scripts): void => {
    browserContext.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      void response
        .body()
        .then((body) => into.push({ url: response.url(), bytes: body.length }))
        .catch(() => undefined);
    });
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    // Accounts named as people are: the employer reads these names, never the logins.
    for (const [user, displayName] of [
      [org.users.staffNord, 'Sacha Lemaire'],
      [org.users.coachLille, 'Camille Martin'],
    ] as const)
      await as(api, org.admin).patch(`/users/${user.id}`, { displayName }).expect(200);
    bakery = await shortlistCandidates(
      api.url,
      org,
      'Boulangerie Paul',
      ['Amina', 'Bruno', 'Chloe'],
      [],
      context.dataDir,
    );
    await syncOffersIndex(api.app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('shortlist of three → meet, decline with a reason, question → everyone notified → the reply on the same link', async () => {
    // 1. The mediator, from the offer's page: three people, two slots, one link.
    const mediatorContext = await browser.newContext(PHONE);
    watchScripts(mediatorContext);
    const mediator = await signInThroughForm(mediatorContext, api.url, 'staff.nord@test.passerelle.fr', TEST_PASSWORD);
    await mediator.waitForURL(/\/app\/mediation$/);
    await mediator.goto(`${api.url}/app/offres/${bakery.offerId}`);
    const form = mediator.getByRole('form', { name: 'Nouvelle sélection' });
    await form.waitFor();
    for (const name of ['Amina', 'Bruno', 'Chloe']) await form.getByRole('checkbox', { name }).check({ force: true });
    const day = addDays(parisToday(), 5);
    await form.getByLabel('Créneau 1').fill(`${day}T10:00`);
    await form.getByLabel('Créneau 2').fill(`${day}T14:30`);
    await form.getByLabel('Lieu des entretiens').fill('3 rue Nationale, Lille');
    await auditPage(mediator, 'journey-shortlist-send');
    await form.getByRole('button', { name: 'Créer le lien de sélection' }).click();
    const link = mediator.locator('a', { hasText: '/selections/' });
    await link.waitFor();
    const url = new URL((await link.getAttribute('href'))!);
    await mediator.getByRole('link', { name: /Sélection du .* pour Boulangerie Paul/ }).waitFor();
    const [shortlist]: Array<{ id: string; offered_slots: Array<{ startsAt: string; place: string }> }> =
      await db.query('SELECT id, offered_slots FROM shortlist WHERE offer_id = $1', [bakery.offerId]);
    expect(shortlist.offered_slots.map((slot) => slot.place)).toEqual([
      '3 rue Nationale, Lille',
      '3 rue Nationale, Lille',
    ]);

    // 2. The employer, on a phone, without an account: the three side by side, an answer for each.
    const employerContext = await browser.newContext(PHONE);
    watchScripts(employerContext, employerScripts);
    const employer = await employerContext.newPage();
    await employer.goto(`${api.url}${url.pathname}`);
    await employer.getByRole('heading', { level: 1, name: '3 profils à comparer' }).waitFor();
    await auditPage(employer, 'journey-shortlist-employer');
    const person = (name: string) =>
      employer.locator('section.person', { has: employer.getByRole('heading', { level: 2, name }) });
    const columns = await employer
      .locator('section.person')
      .evaluateAll((sections) => sections.map((section) => section.getBoundingClientRect().top));
    expect(new Set(columns).size).toBe(1); // side by side, not one under the other

    await person('Amina').getByText('Rencontrer Amina').click();
    await person('Amina').getByLabel(/10:00/).check();
    await person('Amina').getByRole('button', { name: 'Confirmer la rencontre avec Amina' }).click();
    const heardAmina = person('Amina').getByRole('status');
    await heardAmina.getByText('votre réponse pour Amina a été transmise à').waitFor();
    await expect(heardAmina.innerText()).resolves.toMatch(
      /Sacha Lemaire.*Camille Martin|Camille Martin.*Sacha Lemaire/,
    );
    expect(await employer.locator('main').innerText()).not.toMatch(/staff\.nord|coach\.lille/);
    await auditPage(employer, 'journey-shortlist-employer-met');

    await person('Bruno').getByText('Pas pour le moment', { exact: true }).click();
    await person('Bruno').getByLabel('Raison').selectOption('schedule');
    await person('Bruno')
      .getByLabel(/Précisions/)
      .fill('Nous cherchons quelqu’un le dimanche.');
    await person('Bruno').getByRole('button', { name: 'Envoyer « pas pour le moment »' }).click();
    await person('Bruno').getByRole('status').getByText('votre réponse pour Bruno a été transmise à').waitFor();

    await person('Chloe').getByText('Poser une question sur Chloe').click();
    await person('Chloe').getByLabel('Votre question').fill('Peut-elle commencer à 6 h ?');
    await person('Chloe').getByRole('button', { name: 'Envoyer la question' }).click();
    await person('Chloe').getByRole('status').getByText('votre réponse pour Chloe a été transmise à').waitFor();
    await auditPage(employer, 'journey-shortlist-employer-asked');

    const entries: Array<{
      first_name: string;
      answer: string;
      refusal_reason: string | null;
      appointment_id: string | null;
    }> = await db.query(
      `SELECT n.card->>'firstName' AS first_name, se.answer, se.refusal_reason, se.appointment_id
         FROM shortlist_entry se JOIN introduction n ON n.id = se.introduction_id
         WHERE se.shortlist_id = $1 ORDER BY se.position`,
      [shortlist.id],
    );
    expect(entries.map((entry) => [entry.first_name, entry.answer, entry.refusal_reason])).toEqual([
      ['Amina', 'interested', null],
      ['Bruno', 'not_now', 'schedule'],
      ['Chloe', 'question', null],
    ]);
    const appointments: Array<{ coach_user_id: string; starts_at: Date; beneficiary_id: string }> = await db.query(
      `SELECT a.coach_user_id, a.starts_at, p.beneficiary_id FROM appointment a
       JOIN appointment_participant p ON p.appointment_id = a.id WHERE a.id = $1`,
      [entries[0].appointment_id],
    );
    expect(appointments).toEqual([
      {
        coach_user_id: org.users.staffNord.id,
        starts_at: new Date(shortlist.offered_slots[0].startsAt),
        beneficiary_id: bakery.people[0].beneficiaryId,
      },
    ]);

    // 3. The mediator and the coach find the three answers in their notifications.
    const coachContext = await browser.newContext(PHONE);
    watchScripts(coachContext);
    const coach = await signInThroughForm(coachContext, api.url, 'coach.lille@test.passerelle.fr', TEST_PASSWORD);
    await coach.waitForURL(/\/app\/portefeuille$/);
    for (const [page, name] of [
      [mediator, 'mediator'],
      [coach, 'coach'],
    ] as const) {
      await page.goto(`${api.url}/app/notifications`);
      for (const [who, what] of [
        ['Amina', 'souhaite rencontrer'],
        ['Bruno', 'pas pour le moment'],
        ['Chloe', 'une question vous attend'],
      ])
        await page
          .locator('li.notification', { hasText: `pour ${who}` })
          .filter({ hasText: what })
          .waitFor();
      await auditPage(page, `journey-shortlist-${name}-notifications`);
    }
    await coachContext.close();

    // 4. The mediator opens Chloe's introduction from the notification, then the shortlist, and replies.
    await mediator
      .locator('li.notification', { hasText: 'pour Chloe' })
      .getByRole('link', { name: 'Ouvrir la mise en relation' })
      .click();
    await mediator.getByRole('link', { name: 'Voir la sélection envoyée à l’employeur et y répondre' }).click();
    await mediator.waitForURL(new RegExp(`/app/selections/${shortlist.id}$`));
    const chloe = mediator.locator('li.card', { has: mediator.getByRole('heading', { level: 2, name: /Chloe/ }) });
    await chloe.getByText('Peut-elle commencer à 6 h ?').waitFor();
    await expect(mediator.locator('li.card', { hasText: 'Bruno' }).innerText()).resolves.toContain(
      'Horaires ou disponibilité',
    );
    await auditPage(mediator, 'journey-shortlist-answers');
    await chloe.getByLabel(/Votre réponse à la question/).fill('Oui, elle est disponible dès 6 h.');
    await chloe.getByRole('button', { name: 'Répondre' }).click();
    await chloe.getByText(/: Oui, elle est disponible dès 6 h\./).waitFor();
    await auditPage(mediator, 'journey-shortlist-replied');
    const replies: Array<{ author_kind: string; body: string }> = await db.query(
      `SELECT m.author_kind, m.body FROM shortlist_message m JOIN shortlist_entry se ON se.id = m.entry_id
       WHERE se.shortlist_id = $1 ORDER BY m.created_at`,
      [shortlist.id],
    );
    expect(replies).toEqual([
      { author_kind: 'employer', body: 'Peut-elle commencer à 6 h ?' },
      { author_kind: 'user', body: 'Oui, elle est disponible dès 6 h.' },
    ]);
    await mediatorContext.close();

    // 5. The employer reads the reply on the same link.
    await employer.goto(`${api.url}${url.pathname}`);
    await person('Chloe').getByText('Oui, elle est disponible dès 6 h.').waitFor();
    await auditPage(employer, 'journey-shortlist-employer-reply');
    await employerContext.close();

    // The employer's page runs no script; the mediator's screens stay within their budget.
    expect(scripts.filter((script) => script.url.includes('/selections/') || !script.url.includes('/app/'))).toEqual(
      [],
    );
    const screens = scripts.filter((script) => /\/(shortlist|offer|notifications)-[\w-]+\.js$/.test(script.url));
    expect(screens.length).toBeGreaterThan(0);
    for (const screen of screens)
      expect({ url: screen.url, small: screen.bytes < BUDGET_BYTES }).toEqual({ url: screen.url, small: true });
  });
});
