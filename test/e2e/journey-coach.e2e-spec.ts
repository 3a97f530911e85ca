/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { checkpointDates, dueInstant } from '@passerelle/outcomes';
import {
  auditPage,
  createTestContext,
  launchChromium,
  login,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
  ingestDemoBoards,
  seedDemoPeople,
  syncOffersIndex,
  acceptAndSendCardLink,
  personValidatedCard,
} from '@passerelle/testing';

interface MatchItem {
  id: string;
  contractType: string;
  explanation: { distanceKm: number | null };
}
interface Indicator {
  key: string;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The coach's day in a real browser, on the demo data (Nordemploi, Job Connexion and France Travail
 * imitations ingested, the demo portfolio): a person's file, a skill added, matched offers narrowed
 * to 10 km and CDI and paged, an introduction on an ingested Nordemploi offer (its employer taken
 * from the offer), the card link answered by the employer on a phone, the hire, the M+1 follow-up,
 * and the programme indicators before and after. Each screen passes axe; outcomes are read on the
 * screen and in the database.
 */
describe('the coach’s journey in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let sources: DemoSources;
  let browser: Browser;
  let db: DataSource;
  let demo: { email: string; password: string; managerEmail: string };
  let nadiaId: string;
  const period = { from: `${parisToday().slice(0, 4)}-01-01`, to: parisToday() };

  const signIn = (browserContext: BrowserContext, email: string, password: string): Promise<Page> =>
    signInThroughForm(browserContext, api.url, email, password);

  /** The manager's indicators for this year, through the API. */
  const indicators = async (): Promise<Record<string, Indicator>> => {
    const signedIn = await login(api, demo.managerEmail, demo.password).expect(200);
    const token = (signedIn.body as { accessToken: string }).accessToken;
    const response = await request(api.url)
      .get('/indicators')
      .query(period)
      .auth(token, { type: 'bearer' })
      .expect(200);
    const report = response.body as { groups: Array<{ indicators: Indicator[] }> };
    return Object.fromEntries(report.groups[0].indicators.map((indicator) => [indicator.key, indicator]));
  };

  /** An indicator's figures as the manager's screen shows them (numerator, denominator). */
  const onScreen = async (page: Page, label: string): Promise<number[]> => {
    const card = page.locator('li.card', { has: page.getByRole('heading', { name: label, exact: true }) });
    const values = await card.locator('dd').allInnerTexts();
    return values.map((value) => Number(value.replace(/\s/g, '').replace(',', '.')));
  };

  const managerIndicators = async (): Promise<Record<string, number[]>> => {
    const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(managerContext, demo.managerEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Indicateurs du programme' }).waitFor();
    await page.getByText('Mises en relation par personne accompagnée').first().waitFor();
    const figures = {
      introductions: await onScreen(page, 'Mises en relation par personne accompagnée'),
      answers: await onScreen(page, 'Taux de réponse des employeurs'),
      durable: await onScreen(page, 'Emplois durables'),
    };
    await auditPage(page, 'journey-coach-indicators');
    await managerContext.close();
    return figures;
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    // The demo boards as `npm start` serves them, the France Travail imitation with more offers around
    // the demo people (the Nord), so that 10 km and CDI alone still fill more than one page.
    sources = await startDemoSources({ crawlDelaySeconds: 0, franceTravail: { count: 900, region: 'nord' } });
    api = await startApi(context.config);
    await ingestDemoBoards(api.app, sources);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    db = api.app.get(DataSource);
    await syncOffersIndex(api.app);
    nadiaId = (await db.query(`SELECT id FROM beneficiary WHERE first_name = 'Nadia'`))[0].id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await browser?.close();
    await api?.close();
    await sources?.close();
    await context?.cleanup();
  });

  it('file → skill → matches at 10 km in CDI, page 2 → introduction on a Nordemploi offer → employer answers on a phone → hire → M+1 → indicators move', async () => {
    const before = await indicators();
    const beforeOnScreen = await managerIndicators();
    expect(beforeOnScreen.introductions[0]).toBe(before.introductions_per_person.numerator);

    // The coach opens Nadia's file and adds a declared skill to her diagnostic.
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    let page = await signIn(coachContext, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await page.getByRole('link', { name: /Nadia Exemple/ }).click();
    await page.getByRole('heading', { name: 'Nadia Exemple' }).waitFor();
    await auditPage(page, 'journey-coach-file');
    await page.getByRole('button', { name: 'Modifier le diagnostic' }).click();
    await page.getByLabel('Ajouter une compétence').fill('nettoy');
    // A suggestion of the referential (its code in brackets), not a placeholder shown while it loads.
    const option = page.getByRole('option', { name: /\([^()]+\)\s*$/ }).first();
    await option.waitFor();
    const skillCode = /\(([^()]+)\)\s*$/.exec(await option.innerText())![1];
    await option.click();
    // And a certificate, as written on it.
    await page.getByLabel('Certificat à ajouter').fill('SST');
    await page.getByRole('button', { name: 'Ajouter le certificat' }).click();
    await page.getByRole('list', { name: 'Certificats et habilitations' }).getByText('SST').waitFor();
    await auditPage(page, 'journey-coach-diagnostic');
    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await page.getByRole('button', { name: 'Modifier le diagnostic' }).waitFor();
    await page.locator('dt', { hasText: 'Certificats et habilitations' }).waitFor();
    const skills: Array<{ skills: Array<{ code: string; evidence: string }>; certificates: string[] }> = await db.query(
      'SELECT skills, certificates FROM diagnostic WHERE beneficiary_id = $1',
      [nadiaId],
    );
    expect(skills[0].skills).toContainEqual(expect.objectContaining({ code: skillCode, evidence: 'declared' }));
    expect(skills[0].certificates).toEqual(['SST']);

    // Matched offers, narrowed to 10 km and CDI only: the filters are sent and the form keeps them.
    await page.getByRole('link', { name: 'Voir les offres correspondantes' }).click();
    await page.getByRole('heading', { name: 'Offres correspondantes' }).waitFor();
    await page.locator('li.match').first().waitFor();
    const filters = page.getByRole('form', { name: 'Filtres de la recherche' });
    await filters.getByLabel('Rayon (km)').fill('10');
    for (const label of ['CDD', 'Intérim', 'Alternance', 'Saisonnier', 'Indépendant']) {
      const box = filters.getByRole('checkbox', { name: label, exact: true });
      if (await box.isChecked()) await box.uncheck({ force: true });
    }
    const cdi = filters.getByRole('checkbox', { name: 'CDI', exact: true });
    if (!(await cdi.isChecked())) await cdi.check({ force: true });
    // An unticked box draws no tick.
    const cdd = page.locator('.react-aria-Checkbox', { hasText: /^CDD$/ });
    await expect(cdd.locator('.box').innerText()).resolves.toBe('');
    await filters.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL(/km=10/);
    expect(new URL(page.url()).searchParams.get('contrats')).toBe('cdi');
    await page
      .getByRole('status')
      .getByText(/page 1 sur/)
      .waitFor();
    await expect(filters.getByLabel('Rayon (km)').inputValue()).resolves.toBe('10');
    await expect(cdi.isChecked()).resolves.toBe(true);
    await expect(filters.getByRole('checkbox', { name: 'CDD', exact: true }).isChecked()).resolves.toBe(false);

    // The API's own answer for the same search: every offer within 10 km and in CDI, and the same total.
    const coachToken = ((await login(api, demo.email, demo.password).expect(200)).body as { accessToken: string })
      .accessToken;
    const all: MatchItem[] = [];
    let candidates: number;
    for (let offset = 0; ; offset += 50) {
      const response = await request(api.url)
        .get(`/beneficiaries/${nadiaId}/matches`)
        .query({ maxDistanceKm: 10, contractTypes: 'cdi', limit: 50, offset })
        .auth(coachToken, { type: 'bearer' })
        .expect(200);
      const body = response.body as { items: MatchItem[]; candidates: number };
      candidates = body.candidates;
      all.push(...body.items);
      if (body.items.length < 50 || offset + 50 >= candidates) break;
    }
    expect(candidates).toBeGreaterThan(20);
    expect(all.every((item) => item.contractType === 'cdi')).toBe(true);
    expect(all.every((item) => (item.explanation.distanceKm ?? 0) <= 10)).toBe(true);
    const summary = await page.getByRole('status').filter({ hasText: 'dans le rayon' }).innerText();
    expect(summary).toContain(`${candidates} offres dans le rayon et les contraintes`);

    /** What the page shows: each offer's contract and its distance read from its place. */
    const shown = async (): Promise<Array<{ id: string; contract: string; place: string }>> =>
      page.locator('li.match').evaluateAll((items) =>
        items.map((item) => ({
          id: item.querySelector('h2 a')!.getAttribute('href')!.split('/').pop()!,
          contract: item.querySelector('.contract')!.textContent.trim(),
          place: item.querySelector('.place')!.textContent.trim(),
        })),
      );
    const distanceOf = (place: string): number => {
      const km = /(\d+(?:,\d+)?)\s*km/.exec(place);
      return km ? Number(km[1].replace(',', '.')) : 0;
    };
    const first = await shown();
    expect(first).toHaveLength(20);
    expect(first.every((item) => item.contract === 'CDI')).toBe(true);
    expect(first.every((item) => distanceOf(item.place) <= 10)).toBe(true);
    expect(first.map((item) => item.id)).toEqual(all.slice(0, 20).map((item) => item.id));
    await auditPage(page, 'journey-coach-matches');

    // Page 2: the next twenty, in the address too (a reload keeps the search and the page).
    await page.getByRole('navigation', { name: 'Pages des offres' }).getByRole('link', { name: 'Page 2' }).click();
    await page
      .getByRole('status')
      .getByText(/page 2 sur/)
      .waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.reload();
    await page
      .getByRole('status')
      .getByText(/page 2 sur/)
      .waitFor();
    await expect(
      page.getByRole('form', { name: 'Filtres de la recherche' }).getByLabel('Rayon (km)').inputValue(),
    ).resolves.toBe('10');
    const second = await shown();
    expect(second.map((item) => item.id)).toEqual(all.slice(20, 40).map((item) => item.id));
    expect(second.every((item) => item.contract === 'CDI' && distanceOf(item.place) <= 10)).toBe(true);
    await auditPage(page, 'journey-coach-matches-page-2');

    // An introduction on an ingested Nordemploi offer of the results: its employer comes from the offer.
    const ids = all.map((item) => item.id);
    const nordemploi: Array<{ id: string; employer_name: string; title: string }> = await db.query(
      `SELECT id, employer_name, title FROM offer WHERE source = 'nordemploi' AND id = ANY($1::uuid[])
         AND employer_name IS NOT NULL`,
      [ids],
    );
    expect(nordemploi.length).toBeGreaterThan(0);
    const target = nordemploi.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))[0];
    const targetPage = Math.floor(ids.indexOf(target.id) / 20) + 1;
    if (targetPage !== 2) {
      await page.goto(`${api.url}/app/personnes/${nadiaId}/offres?km=10&contrats=cdi&temps=any&page=${targetPage}`);
      await page
        .getByRole('status')
        .getByText(new RegExp(`page ${targetPage} sur`))
        .waitFor();
    }
    const employersBefore: Array<{ count: number }> = await db.query('SELECT count(*)::int AS count FROM employer');
    const match = page.locator('li.match', { has: page.locator(`a[href$="/offres/${target.id}"]`) });
    await match.getByRole('button', { name: /^Mettre en relation/ }).click();
    await page.waitForURL(/\/app\/mises-en-relation\//);
    const introductionUrl = page.url();
    const introductionId = introductionUrl.split('/').pop()!;
    await page.locator('main').getByText(target.employer_name).first().waitFor();
    await auditPage(page, 'journey-coach-introduction');
    const introduction: Array<{ offer_id: string; status: string; employer_name: string; beneficiary_id: string }> =
      await db.query(
        `SELECT n.offer_id, n.status, e.name AS employer_name, n.beneficiary_id FROM introduction n
         JOIN employer e ON e.id = n.employer_id WHERE n.id = $1`,
        [introductionId],
      );
    expect(introduction).toEqual([
      { offer_id: target.id, status: 'proposed', employer_name: target.employer_name, beneficiary_id: nadiaId },
    ]);
    const employersAfter: Array<{ count: number }> = await db.query('SELECT count(*)::int AS count FROM employer');
    expect(employersAfter[0].count - employersBefore[0].count).toBeLessThanOrEqual(1);

    // Nadia accepts; the coach sends the card link.
    const cardUrl = await acceptAndSendCardLink(page, (id) =>
      personValidatedCard(
        api.url,
        context.dataDir,
        { accessToken: coachToken },
        { beneficiaryId: nadiaId, introductionId: id },
      ),
    );

    // The employer, on a phone: the card, the answer, the thanks in view and no form left to press again.
    const employer = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const card = await employer.newPage();
    await card.goto(`${api.url}${cardUrl.pathname}`);
    await card.getByRole('heading', { level: 1, name: 'Nadia' }).waitFor();
    await auditPage(card, 'journey-coach-card');
    await card.getByLabel(/Proposer un entretien/).fill('Mardi 14h, au dépôt');
    await card.getByRole('button', { name: 'Je souhaite rencontrer Nadia' }).click();
    const thanks = card.getByRole('status');
    await thanks.getByText('bien été transmise').waitFor();
    const box = await thanks.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expect(await card.locator('form').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Je souhaite rencontrer Nadia' }).count()).toBe(0);
    await auditPage(card, 'journey-coach-card-answered');
    await employer.close();
    const answers: Array<{ details: { answer: string; proposedInterview: string } }> = await db.query(
      `SELECT details FROM introduction_event WHERE introduction_id = $1 AND kind = 'answered'`,
      [introductionId],
    );
    expect(answers).toEqual([
      { details: expect.objectContaining({ answer: 'interested', proposedInterview: 'Mardi 14h, au dépôt' }) },
    ]);

    // Back on the introduction: the interview, then the hire in CDI from today.
    await page.goto(introductionUrl);
    await page.locator('main').getByText('Mardi 14h, au dépôt').first().waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Employeur intéressé');
    const today = parisToday();
    await page.getByRole('button', { name: 'Fixer un entretien' }).click();
    await page.getByLabel(/Date et heure de l’entretien/).fill(`${today}T14:00`);
    await page.getByLabel(/Lieu de l’entretien/).fill('Au dépôt');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Étape enregistrée').waitFor();
    await page.getByRole('button', { name: 'Embauche' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    const hire = page.getByRole('form', { name: 'Enregistrer l’embauche' });
    await hire.waitFor();
    await hire.getByLabel(/Heures par semaine/).fill('35');
    await hire.getByLabel(/Date de début/).fill(today);
    await hire.getByRole('button', { name: 'Enregistrer l’embauche' }).click();
    const hired = page.getByText(/Embauche enregistrée/);
    await hired.waitFor();
    await expect(hired.innerText()).resolves.toMatch(/CDI.*\(emploi durable\)/);
    await auditPage(page, 'journey-coach-hired');
    await coachContext.close();
    const placements: Array<{ id: string; contract_type: string; start_date: string; employer_name: string }> =
      await db.query(
        `SELECT id, contract_type, to_char(start_date, 'YYYY-MM-DD') AS start_date, employer_name FROM placement
         WHERE beneficiary_id = $1 AND introduction_id = $2`,
        [nadiaId, introductionId],
      );
    expect(placements).toEqual([
      expect.objectContaining({ contract_type: 'cdi', start_date: today, employer_name: target.employer_name }),
    ]);
    const [introductionNow] = await db.query('SELECT status FROM introduction WHERE id = $1', [introductionId]);
    expect(introductionNow.status).toBe('hired');

    // A month later (the service's clock): the M+1 checkpoint is due; the coach logs in again and answers it.
    const m1 = checkpointDates(today).m1;
    api.app.get(Clock).set(new Date(dueInstant(m1).getTime() + 3_600_000));
    try {
      const later = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      page = await signIn(later, demo.email, demo.password);
      await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
      await page.goto(`${api.url}/app/suivis`);
      const item = page.locator('li.card', { hasText: target.employer_name }).filter({ hasText: 'M+1' });
      await item.waitFor();
      await auditPage(page, 'journey-coach-follow-ups');
      await item.getByRole('button', { name: /Renseigner le suivi M\+1/ }).click();
      await item
        .getByRole('radiogroup', { name: /Toujours en emploi/ })
        .getByText('Oui')
        .click();
      await item.getByLabel(/Avis de l’employeur/).fill('Ponctuelle, bonne intégration');
      await item.getByRole('button', { name: 'Enregistrer le suivi' }).click();
      await page.getByText(/Suivi M\+1 de .* enregistré/).waitFor();
      await later.close();
    } finally {
      api.app.get(Clock).reset();
    }
    const followUps: Array<{ in_job: boolean; employer_view: string; due_on: string }> = await db.query(
      `SELECT f.in_job, f.employer_view, to_char(f.due_on, 'YYYY-MM-DD') AS due_on FROM follow_up f
       WHERE f.placement_id = $1 AND f.milestone = 'm1' AND f.answered_at IS NOT NULL`,
      [placements[0].id],
    );
    expect(followUps).toEqual([{ in_job: true, employer_view: 'Ponctuelle, bonne intégration', due_on: m1 }]);

    // The indicators moved: one more introduction, one more employer answer, one more durable job.
    const after = await indicators();
    expect(after.introductions_per_person.numerator).toBe(before.introductions_per_person.numerator! + 1);
    expect(after.employer_response_rate.numerator).toBe(before.employer_response_rate.numerator! + 1);
    expect(after.employer_response_rate.denominator).toBe(before.employer_response_rate.denominator! + 1);
    expect(after.durable_jobs.numerator).toBe(before.durable_jobs.numerator! + 1);
    expect(after.durable_jobs.denominator).toBe(before.durable_jobs.denominator! + 1);
    const afterOnScreen = await managerIndicators();
    expect(afterOnScreen.introductions[0]).toBe(beforeOnScreen.introductions[0] + 1);
    expect(afterOnScreen.answers).toEqual([beforeOnScreen.answers[0] + 1, beforeOnScreen.answers[1] + 1]);
    expect(afterOnScreen.durable).toEqual([beforeOnScreen.durable[0] + 1, beforeOnScreen.durable[1] + 1]);
  });

  it('on an offer naming no employer, the coach picks one of the structure’s employers right in the offer’s card', async () => {
    const coachToken = ((await login(api, demo.email, demo.password).expect(200)).body as { accessToken: string })
      .accessToken;
    // Nadia's matches as the diagnostic sets them: the first offer whose employer is not named (a private employer).
    const all: Array<{ id: string; employerName: string | null }> = [];
    for (let offset = 0; offset < 100; offset += 50) {
      const response = await request(api.url)
        .get(`/beneficiaries/${nadiaId}/matches`)
        .query({ limit: 50, offset })
        .auth(coachToken, { type: 'bearer' })
        .expect(200);
      all.push(...(response.body as { items: Array<{ id: string; employerName: string | null }> }).items);
    }
    const index = all.findIndex((item) => item.employerName === null);
    expect(index).toBeGreaterThanOrEqual(0);
    const offerId = all[index].id;

    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(coachContext, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await page.goto(`${api.url}/app/personnes/${nadiaId}/offres?page=${Math.floor(index / 20) + 1}`);
    const match = page.locator('li.match', { has: page.locator(`a[href$="/offres/${offerId}"]`) });
    await match.waitFor();
    await expect(match.innerText()).resolves.toContain('Employeur non précisé');
    await match.getByRole('button', { name: /^Mettre en relation/ }).click();
    const choice = match.getByRole('form', { name: /^Employeur pour/ });
    await choice.waitFor();
    // Nothing chosen yet: said next to the list, not at the top of the page.
    await choice.getByRole('button', { name: 'Mettre en relation avec cet employeur' }).click();
    await choice.getByText('Choisissez un employeur dans la liste').waitFor();
    await choice.getByLabel('Rechercher un employeur').fill('proprete');
    await choice
      .getByRole('radiogroup', { name: 'Employeurs de la structure' })
      .getByText('Propreté Services Nord')
      .click();
    await expect(choice.getByRole('radio', { name: /Propreté Services Nord/ }).isChecked()).resolves.toBe(true);
    expect(await choice.getByText('Choisissez un employeur dans la liste').count()).toBe(0);
    await auditPage(page, 'journey-coach-employer-choice');
    await choice.getByRole('button', { name: 'Mettre en relation avec cet employeur' }).click();
    await page.waitForURL(/\/app\/mises-en-relation\//);
    await page.locator('main').getByText('Propreté Services Nord').first().waitFor();
    const introductionId = page.url().split('/').pop()!;
    const rows: Array<{ offer_id: string; employer_name: string }> = await db.query(
      `SELECT n.offer_id, e.name AS employer_name FROM introduction n JOIN employer e ON e.id = n.employer_id
       WHERE n.id = $1`,
      [introductionId],
    );
    expect(rows).toEqual([{ offer_id: offerId, employer_name: 'Propreté Services Nord' }]);
    await coachContext.close();
  });
});
