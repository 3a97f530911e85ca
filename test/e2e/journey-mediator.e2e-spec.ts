/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import {
  auditPage,
  createTestContext,
  launchChromium,
  login,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
  seedDemoPeople,
  syncOffersIndex,
} from '@passerelle/testing';

/**
 * The mediator ↔ coach day in a real browser, on the demo data: a mediator's captured offer shows
 * its real requirements as skills; the mediator asks the coach for a candidate; the coach sees it
 * in their notifications (the badge, then the item), opens it and agrees; the mediator, led by
 * their own notification to the introduction, records the person's acceptance and finds the
 * introduction in the next column of the board, every column in view at desktop and phone width.
 * Each screen passes axe-core; outcomes are checked on screen and in the database.
 */
describe('journey: a mediator asks a coach for a candidate and moves the introduction on', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let demo: { email: string; password: string; mediatorEmail: string };
  let offerId: string;

  const TITLE = 'Agent de propreté des locaux';
  const EMPLOYER = 'Propreté Services Nord';

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    db = api.app.get(DataSource);
    // The mediator's job analysis at the employer's, published as a captured offer (as in web-app.e2e-spec).
    const signedIn = await login(api, portfolio.mediatorEmail, portfolio.password).expect(200);
    const token = (signedIn.body as { accessToken: string }).accessToken;
    const employers: Array<{ id: string }> = await db.query('SELECT id FROM employer WHERE name = $1', [EMPLOYER]);
    const analysis = await request(api.url)
      .post(`/employers/${employers[0].id}/job-analyses`)
      .auth(token, { type: 'bearer' })
      .send({
        title: TITLE,
        romeCode: 'K2204',
        tasks: ['Nettoyer les bureaux', 'Vider les corbeilles'],
        schedule: 'Du lundi au vendredi, 9h-15h',
        tools: ['autolaveuse'],
        initialRequirements: ['CAP agent de propreté'],
        realRequirements: ['Doser les produits', 'Sens du travail bien fait'],
        negotiatedAway: ['CAP agent de propreté'],
        contractType: 'CDI',
        workingTime: 'part_time',
        analysedOn: parisToday(),
        publish: true,
      })
      .expect(201);
    offerId = (analysis.body as { offerId: string }).offerId;
    await syncOffersIndex(api.app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

  it('request → the coach’s notification → agreement → the mediator records the acceptance and the board moves', async () => {
    // 1. The mediator opens the captured offer: its requirements are skills, in the referential's words.
    const mediatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const mediator = await signInThroughForm(mediatorContext, api.url, demo.mediatorEmail, demo.password);
    await mediator.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await mediator.goto(`${api.url}/app/offres/${offerId}`);
    await mediator.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const skills = mediator.getByRole('list', { name: 'Compétences demandées' });
    await skills.getByText("Utilisation d'autolaveuses").waitFor();
    await expect(skills.innerText()).resolves.toContain("Doser des produits d'entretien");
    await expect(skills.innerText()).resolves.toContain('Sens du travail bien fait');

    // 2. The best-ranked candidate, a pseudonym: the mediator asks their coach.
    const candidates = mediator.locator('section', {
      has: mediator.getByRole('heading', { name: 'Candidats pour cette offre' }),
    });
    const first = candidates.locator('li.match').first();
    await first.waitFor();
    const pseudonym = (await first.getByRole('heading').innerText()).trim();
    expect(pseudonym).toMatch(/Candidat·e [A-Z0-9_-]{6}/);
    await auditPage(mediator, 'journey-mediator-offer');
    await first.getByRole('button', { name: 'Demander au référent' }).click();
    await first.getByLabel('Message au référent (facultatif)').fill('L’employeur reçoit mardi matin.');
    await first.getByRole('button', { name: 'Envoyer la demande' }).click();
    await first.getByText(/Demande en attente du référent/).waitFor();
    const requests: Array<{ id: string; beneficiary_id: string; status: string }> = await db.query(
      'SELECT id, beneficiary_id, status FROM candidate_request WHERE offer_id = $1',
      [offerId],
    );
    expect(requests).toEqual([expect.objectContaining({ status: 'pending' })]);
    const people: Array<{ first_name: string }> = await db.query('SELECT first_name FROM beneficiary WHERE id = $1', [
      requests[0].beneficiary_id,
    ]);
    const firstName = people[0].first_name;

    // 3. The coach: the badge counts one unread notification; the inbox names the offer, not the person.
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const coach = await signInThroughForm(coachContext, api.url, demo.email, demo.password);
    await coach.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    const coachInbox = nav(coach).getByRole('link', { name: /^Notifications/ });
    await nav(coach).getByRole('link', { name: 'Notifications (1 non lue)' }).waitFor();
    await expect(coachInbox.getByTestId('unread-count').innerText()).resolves.toMatch(/^1\b/);
    await coachInbox.click();
    await coach.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notice = coach.locator('li.notification', { hasText: 'Demande de candidat' });
    await expect(notice.innerText()).resolves.toContain(`« ${TITLE} »`);
    await expect(notice.innerText()).resolves.not.toContain(firstName);
    await expect(notice.getByText('Non lue').isVisible()).resolves.toBe(true);
    await auditPage(coach, 'journey-coach-notifications');
    await notice.getByRole('link', { name: 'Voir les demandes de candidats' }).click();
    await coach.waitForURL(/\/app\/mediation#requests-title$/);
    // Opened, hence read: the badge is gone, and the database says when.
    await nav(coach).getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    const coachNotices: Array<{ read_at: Date | null }> = await db.query(
      `SELECT read_at FROM user_notification WHERE kind = 'candidate_request' AND subject_id = $1`,
      [requests[0].id],
    );
    expect(coachNotices).toEqual([{ read_at: expect.any(Date) }]);

    // 4. The coach agrees: the offer is proposed to the person and the introduction opens.
    const ask = coach.locator('li.card', { hasText: TITLE }).filter({ hasText: 'Demandé par' });
    await expect(ask.innerText()).resolves.toContain('L’employeur reçoit mardi matin.');
    await auditPage(coach, 'journey-coach-request');
    await ask.getByRole('button', { name: /^Accepter/ }).click();
    await coach.getByText(/Vous proposez .* pour « Agent de propreté des locaux »/).waitFor();
    const opened: Array<{ id: string; status: string; request: string }> = await db.query(
      `SELECT n.id, n.status, r.status AS request FROM introduction n
       JOIN candidate_request r ON r.introduction_id = n.id WHERE r.id = $1`,
      [requests[0].id],
    );
    expect(opened).toEqual([expect.objectContaining({ status: 'proposed', request: 'agreed' })]);
    const introductionId = opened[0].id;
    await coachContext.close();

    // 5. The mediator's own notification leads to the introduction.
    await mediator.goto(`${api.url}/app/mediation`);
    await nav(mediator).getByRole('link', { name: 'Notifications (1 non lue)' }).click();
    const answer = mediator.locator('li.notification', { hasText: 'Réponse du référent' });
    await answer.waitFor();
    await auditPage(mediator, 'journey-mediator-notifications');
    await answer.getByRole('link', { name: 'Ouvrir la mise en relation' }).click();
    await mediator.waitForURL(new RegExp(`/app/mises-en-relation/${introductionId}$`));
    await mediator.getByText('Étape : Proposée').waitFor();

    // 6. The person accepts, recorded by the mediator: the card is built and the step moves on.
    await mediator.getByRole('button', { name: 'La personne accepte' }).click();
    await mediator.getByRole('button', { name: 'Confirmer' }).click();
    await mediator.getByText('Étape enregistrée : Acceptée par la personne.').waitFor();
    await mediator
      .getByRole('heading', { level: 1, name: `Mise en relation : ${firstName} chez ${EMPLOYER}` })
      .waitFor();
    await expect(mediator.locator('main').innerText()).resolves.not.toContain('introuvable');
    await auditPage(mediator, 'journey-mediator-introduction');
    const moved: Array<{ status: string; first_name: string | null }> = await db.query(
      `SELECT status, card ->> 'firstName' AS first_name FROM introduction WHERE id = $1`,
      [introductionId],
    );
    expect(moved).toEqual([{ status: 'accepted', first_name: firstName }]);

    // 7. The board: the introduction sits in « Acceptées », and no column is cut off, on a desktop or a phone.
    await nav(mediator).getByRole('link', { name: 'Médiation' }).click();
    const board = mediator.getByRole('region', { name: 'Mises en relation par étape' });
    const accepted = board.locator('section', { has: mediator.getByRole('heading', { name: /^Acceptées/ }) });
    await accepted.getByRole('link', { name: new RegExp(`^${firstName} chez ${EMPLOYER}`) }).waitFor();
    for (const width of [1280, 390]) {
      await mediator.setViewportSize({ width, height: 900 });
      const headings = await board.locator('.board-column h3').evaluateAll((nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return { text: node.textContent ?? '', left: box.left, right: box.right };
        }),
      );
      expect(headings.map((heading) => heading.text.replace(/\s*\(\d+\)$/, ''))).toEqual([
        'Proposées',
        'Acceptées',
        'Fiche envoyée',
        'Employeur intéressé',
        'Entretien',
        'Immersion',
        'Embauche',
        'Clôturées',
      ]);
      for (const heading of headings) {
        expect(heading.left).toBeGreaterThanOrEqual(0);
        expect(heading.right).toBeLessThanOrEqual(width);
      }
      expect(await mediator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await mediator.setViewportSize({ width: 1280, height: 900 });
    await auditPage(mediator, 'journey-mediator-board');
    await mediatorContext.close();
  });
});
