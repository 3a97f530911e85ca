/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CapturingMailer, Clock, Mailer } from '@passerelle/core';
import { RemindUnansweredShortlists } from '@passerelle/mediation';
import {
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
/** A Friday; three working days later is the next Wednesday. */
const SENT_FRIDAY = new Date('2026-11-27T09:00:00Z');
const WEDNESDAY_AFTER = new Date('2026-12-02T09:05:00Z');

/**
 * Issue 23, answers heard, on a 390-px phone: the mediator sends a shortlist of two to the
 * employer's contact from the offer's page → nobody answers for three working days (the app clock
 * moved over a weekend) → the contact gets one reminder with the same link, the mediator a « Relance
 * envoyée » notification, and the staff's screens say « Relancé le … » → the employer, from the
 * reminder, asks a question → the mediator replies → the contact is e-mailed that a reply waits,
 * with the link and without the reply → the employer reads the reply there. Each screen passes axe;
 * mails are read from the capture.
 */
describe('journey: a shortlist left unanswered is reminded once, and the employer hears of the reply', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let mailer: CapturingMailer;
  let bakery: ShortlistCandidates;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    bakery = await shortlistCandidates(api.url, org, 'Boulangerie Paul', ['Amina', 'Bruno'], [], context.dataDir);
    await syncOffersIndex(api.app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('shortlist e-mailed → reminded once after three working days → « Relancé le » on screen → question → reply mail', async () => {
    const mailsTo = () => mailer.sent.filter((mail) => mail.to === bakery.contactEmail);

    // 1. The mediator sends two people to the bakery's contact from the offer's page.
    const mediatorContext = await browser.newContext(PHONE);
    const mediator = await signInThroughForm(mediatorContext, api.url, 'staff.nord@test.passerelle.fr', TEST_PASSWORD);
    await mediator.waitForURL(/\/app\/mediation$/);
    await mediator.goto(`${api.url}/app/offres/${bakery.offerId}`);
    const form = mediator.getByRole('form', { name: 'Nouvelle sélection' });
    await form.waitFor();
    for (const name of ['Amina', 'Bruno']) await form.getByRole('checkbox', { name }).check({ force: true });
    const contactPicker = form.getByRole('button', { name: /Envoyer le lien par e-mail à/ });
    await expect(contactPicker.isEnabled()).resolves.toBe(true);
    await contactPicker.click();
    await mediator.getByRole('option', { name: `M. Lefebvre (${bakery.contactEmail})` }).click();
    await auditPage(mediator, 'journey-shortlist-reminder-send');
    await form.getByRole('button', { name: 'Créer le lien de sélection' }).click();
    await mediator.getByText(`envoyée par e-mail à ${bakery.contactEmail}`).waitFor();
    const link = new URL((await mediator.locator('a', { hasText: '/selections/' }).getAttribute('href'))!);
    const [shortlist]: Array<{ id: string }> = await db.query('SELECT id FROM shortlist WHERE offer_id = $1', [
      bakery.offerId,
    ]);
    expect(mailsTo().map((mail) => mail.text.includes(link.href))).toEqual([true]);

    // 2. No answer: sent on a Friday, the sweep runs the next Wednesday by the app clock.
    await db.query('UPDATE shortlist SET created_at = $2 WHERE id = $1', [shortlist.id, SENT_FRIDAY]);
    const clock = api.app.get(Clock);
    clock.set(WEDNESDAY_AFTER);
    await api.app.get(RemindUnansweredShortlists).execute();
    await api.app.get(RemindUnansweredShortlists).execute();
    clock.reset();
    const reminders = mailsTo().filter((mail) => mail.subject.startsWith('Rappel'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toBe('Rappel : 2 profils attendent votre réponse pour Vendeur en boulangerie');
    expect(reminders[0].text).toContain(link.href);

    // 3. The mediator is told, and the staff's screens say when the reminder went.
    await mediator.goto(`${api.url}/app/notifications`);
    const told = mediator.locator('li.notification', { hasText: 'Relance envoyée à Boulangerie Paul' });
    await told.waitFor();
    await auditPage(mediator, 'journey-shortlist-reminder-notification');
    await told.getByRole('link', { name: 'Ouvrir la sélection' }).click();
    await mediator.waitForURL(new RegExp(`/app/selections/${shortlist.id}$`));
    await mediator.getByText('Relancé le 2 déc. 2026 par e-mail').waitFor();
    await mediator.getByText(`Lien envoyé par e-mail à M. Lefebvre (${bakery.contactEmail})`).waitFor();
    await auditPage(mediator, 'journey-shortlist-reminder-shortlist');
    await mediator.goto(`${api.url}/app/offres/${bakery.offerId}`);
    const listed = mediator.locator('li', {
      has: mediator.getByRole('link', { name: /Sélection du .* pour Boulangerie Paul/ }),
    });
    await expect(listed.innerText()).resolves.toContain('Relancé le 2 déc. 2026 par e-mail');
    await auditPage(mediator, 'journey-shortlist-reminder-offer');

    // 4. The employer, from the reminder, asks a question about Amina.
    const employerContext = await browser.newContext(PHONE);
    const employer = await employerContext.newPage();
    const fromReminder = new URL(reminders[0].text.match(/https?:\/\/\S+\/selections\/\S+/)![0]);
    await employer.goto(`${api.url}${fromReminder.pathname}`);
    const amina = employer.locator('section.person', {
      has: employer.getByRole('heading', { level: 2, name: 'Amina' }),
    });
    await amina.getByText('Poser une question sur Amina').click();
    await amina.getByLabel('Votre question').fill('Peut-elle commencer à 6 h ?');
    await amina.getByRole('button', { name: 'Envoyer la question' }).click();
    await amina.getByRole('status').getByText('votre réponse pour Amina a été transmise à').waitFor();

    // 5. The mediator replies on the shortlist's screen; the contact hears a reply waits, not what it says.
    await mediator.goto(`${api.url}/app/selections/${shortlist.id}`);
    const card = mediator.locator('li.card', { has: mediator.getByRole('heading', { level: 2, name: /Amina/ }) });
    await card.getByLabel(/Votre réponse à la question/).fill('Oui, elle est disponible dès 6 h.');
    await card.getByRole('button', { name: 'Répondre' }).click();
    await card.getByText(/: Oui, elle est disponible dès 6 h\./).waitFor();
    await auditPage(mediator, 'journey-shortlist-reminder-replied');
    const notices = mailsTo().filter((mail) => mail.subject.startsWith('Réponse à votre question'));
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain(link.href);
    for (const hidden of ['Amina', 'dès 6 h', 'RSA']) expect(notices[0].text).not.toContain(hidden);
    await mediatorContext.close();

    // 6. The employer follows the notice's link and reads the reply.
    const fromNotice = new URL(notices[0].text.match(/https?:\/\/\S+\/selections\/\S+/)![0]);
    await employer.goto(`${api.url}${fromNotice.pathname}`);
    await amina.getByText('Oui, elle est disponible dès 6 h.').waitFor();
    await auditPage(employer, 'journey-shortlist-reminder-employer-reply');
    await employerContext.close();

    const [stored]: Array<{ reminder_channel: string }> = await db.query(
      'SELECT reminder_channel FROM shortlist WHERE id = $1',
      [shortlist.id],
    );
    expect(stored.reminder_channel).toBe('email');
  });
});
