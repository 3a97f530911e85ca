/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { CapturingMailer, Mailer } from '@passerelle/core';
import {
  as,
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
import { acceptedIntroduction, type AcceptedIntroduction } from '../support/card-link-fixture.js';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true } as const;

/** The page fits the phone's width (nothing to scroll sideways) and runs no script at all. */
async function phoneReadyWithoutScript(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
}

/**
 * After a hire, on 390-px phones: the mediator who recorded the job sends the employer the M+1
 * follow-up form from « Suivis »; the employer answers it on their phone without an account (no
 * script, axe-clean): the person left, with a word; the coach sees the answer on the checkpoint
 * and in their notifications. Checked on screen and in PostgreSQL.
 */
describe('journey: the mediator sends the follow-up form → the employer answers on a phone → the coach sees it', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let intro: AcceptedIntroduction;
  let m1: string;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    intro = await acceptedIntroduction(api.url, org);
    // Accounts named as people are: the employer reads these names, never the logins.
    for (const [user, displayName] of [
      [org.users.staffNord, 'Sacha Lemaire'],
      [org.users.coachLille, 'Camille Martin'],
    ] as const)
      await as(api, org.admin).patch(`/users/${user.id}`, { displayName }).expect(200);
    const mediator = as(api, org.users.staffNord);
    const move = (to: string, extra: object = {}) =>
      mediator.post(`/introductions/${intro.introductionId}/transitions`, { to, ...extra }).expect(200);
    await move('employer_interested');
    await move('interview', { interviewAt: `${addDays(parisToday(), 2)}T10:00:00+01:00`, interviewPlace: 'Boutique' });
    await move('hired');
    // The job started 35 days ago: its M+1 checkpoint is due.
    const placement = await mediator
      .post('/placements', {
        introductionId: intro.introductionId,
        contractType: 'cdd',
        contractMonths: 6,
        startDate: addDays(parisToday(), -35),
      })
      .expect(201);
    m1 = (placement.body as { checkpoints: Array<{ id: string; milestone: string }> }).checkpoints.find(
      (checkpoint) => checkpoint.milestone === 'm1',
    )!.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('sends, answers and reads the employer’s side of the M+1 checkpoint', async () => {
    // 1. The mediator, on a phone, sends the form from the checkpoint in « Suivis ».
    const mediatorContext = await browser.newContext(PHONE);
    const mediator = await signInThroughForm(mediatorContext, api.url, 'staff.nord@test.passerelle.fr', TEST_PASSWORD);
    await mediator.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await mediator.goto(`${api.url}/app/suivis`);
    const mediatorItem = mediator.locator('li.card', {
      has: mediator.getByRole('heading', { name: /Jeannine N\. — M\+1/ }),
    });
    await mediatorItem.waitFor();
    const mailer = api.app.get<Mailer, CapturingMailer>(Mailer);
    const mailsBefore = mailer.sent.length;
    await mediatorItem.getByRole('button', { name: /Envoyer le formulaire à l’employeur/ }).click();
    await mediator
      .getByRole('status')
      .filter({ hasText: `Formulaire de suivi envoyé à ${intro.contactEmail}` })
      .waitFor();
    await mediatorItem.getByText('Envoyé', { exact: true }).waitFor();
    await auditPage(mediator, 'journey-employer-followup-sent');
    const mail = mailer.sent.slice(mailsBefore).find((message) => message.to === intro.contactEmail)!;
    expect(mail.subject).toContain('Jeannine N.');
    const url = new URL(/https?:\/\/\S+\/suivis-employeur\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0]);

    // 2. The employer opens the link on their phone: the person, the job, the two questions.
    const employerContext = await browser.newContext(PHONE);
    const employer = await employerContext.newPage();
    const opened = await employer.goto(`${api.url}${url.pathname}`);
    expect(opened?.status()).toBe(200);
    await employer.getByRole('heading', { level: 1, name: 'Suivi de l’embauche' }).waitFor();
    const shown = await employer.locator('main').innerText();
    expect(shown).toContain('Jeannine N.');
    expect(shown).toContain('Vendeur en boulangerie (CDD)');
    expect(shown).not.toContain('Nomdefamille');
    expect(shown).not.toMatch(/RSA/);
    await phoneReadyWithoutScript(employer);
    await auditPage(employer, 'journey-employer-followup-form');
    const [link] = await db.query<Array<{ first_opened_at: Date | null }>>(
      'SELECT first_opened_at FROM follow_up_employer_link WHERE follow_up_id = $1',
      [m1],
    );
    expect(link.first_opened_at).not.toBeNull();

    // Forgetting the end date: the form comes back, the problem said by its field.
    await employer.getByLabel('Non').check();
    await employer.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await expect(employer.getByRole('alert').innerText()).resolves.toContain('Date de fin : indiquez le dernier jour');
    await auditPage(employer, 'journey-employer-followup-problem');
    const endDate = addDays(parisToday(), -3);
    // Typed as a French employer writes a date, whatever the browser's language.
    const [year, month, day] = endDate.split('-');
    await employer.getByLabel('Date de fin').fill(`${day}/${month}/${year}`);
    await employer.getByLabel('Raison du départ').selectOption('resignation');
    await employer.getByLabel('Quelque chose à signaler ?').fill('Départ à l’amiable, elle était très appréciée.');
    await employer.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await expect(employer.getByRole('status').innerText()).resolves.toContain(
      'votre réponse a été transmise à Sacha Lemaire et Camille Martin',
    );
    expect(await employer.locator('main').innerText()).not.toMatch(/staff\.nord|coach\.lille/);
    await phoneReadyWithoutScript(employer);
    await auditPage(employer, 'journey-employer-followup-answered');

    const [stored] = await db.query<
      Array<{ in_job: boolean; end_date: string; end_reason: string; remark: string; answered_at: Date | null }>
    >('SELECT in_job, end_date, end_reason, remark, answered_at FROM follow_up_employer_link WHERE follow_up_id = $1', [
      m1,
    ]);
    expect(stored).toMatchObject({
      in_job: false,
      end_date: endDate,
      end_reason: 'resignation',
      remark: 'Départ à l’amiable, elle était très appréciée.',
    });
    expect(stored.answered_at).not.toBeNull();
    const [job] = await db.query<Array<{ end_date: string }>>(
      'SELECT end_date FROM placement WHERE introduction_id = $1',
      [intro.introductionId],
    );
    expect(job.end_date).toBe(endDate);

    // 3. The coach sees the employer's answer on the checkpoint and in their notifications.
    const coachContext = await browser.newContext(PHONE);
    const coach = await signInThroughForm(coachContext, api.url, 'coach.lille@test.passerelle.fr', TEST_PASSWORD);
    await coach.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await coach.goto(`${api.url}/app/suivis`);
    const coachItem = coach.locator('li.card', { has: coach.getByRole('heading', { name: /Jeannine N\. — M\+1/ }) });
    await coachItem.waitFor();
    await coachItem.getByText('Réponse de l’employeur (Mme Durand)', { exact: false }).waitFor();
    const seen = await coachItem.innerText();
    expect(seen).toContain('Répondu');
    expect(seen).toContain('Démission');
    expect(seen).toContain('Départ à l’amiable, elle était très appréciée.');
    await auditPage(coach, 'journey-employer-followup-coach');
    await coach.goto(`${api.url}/app/notifications`);
    const notice = coach.locator('li', { hasText: 'Réponse de l’employeur au suivi' });
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('Boulangerie du Marché a répondu au suivi M+1 de Jeannine N.');
    await auditPage(coach, 'journey-employer-followup-notifications');
    const notified = await db.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM user_notification WHERE kind = 'follow_up_employer_answer' AND subject_id = $1 ORDER BY user_id`,
      [m1],
    );
    expect(notified.map((row) => row.user_id).sort()).toEqual([org.users.coachLille.id, org.users.staffNord.id].sort());

    await mediatorContext.close();
    await employerContext.close();
    await coachContext.close();
  });
});
