/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  auditPage,
  createTestContext,
  launchChromium,
  seedOrganisation,
  signInThroughForm,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true } as const;
const HOUR = 3_600_000;

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
 * An employer posts a recruitment need from a phone, without an account, through the structure's
 * public form a mediator made on their phone; the need appears on the mediator's « Besoins reçus »
 * as a draft job analysis with its 48-hour clock; the mediator qualifies and publishes it. Every
 * screen at 390 px passes axe-core; the employer's pages carry no script; outcomes are checked on
 * screen and in the database.
 */
describe('journey: an employer posts a need → a draft job analysis with its 48-hour clock', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    await seedOrganisation(api);
    db = api.app.get(DataSource);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('the mediator makes the public form’s link, the employer posts a need on it, the mediator sees it due within 48 hours and qualifies it', async () => {
    // 1. The mediator, on a phone, makes the structure's public form link from « Besoins reçus ».
    const mediatorContext = await browser.newContext(PHONE);
    const mediator = await signInThroughForm(mediatorContext, api.url, 'staff.nord@test.passerelle.fr', TEST_PASSWORD);
    await mediator.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await mediator.goto(`${api.url}/app/besoins`);
    await mediator.getByRole('heading', { level: 1, name: 'Besoins reçus des employeurs' }).waitFor();
    await mediator.getByRole('heading', { name: 'Aucun besoin reçu' }).waitFor();
    await mediator.getByRole('button', { name: 'Créer un lien vers le formulaire public' }).click();
    const shown = mediator.locator('a', { hasText: '/besoins/' });
    await shown.waitFor();
    await auditPage(mediator, 'journey-employer-need-link');
    const formUrl = new URL((await shown.getAttribute('href'))!);

    // 2. The employer opens it on their phone and posts the need in plain words.
    const employerContext = await browser.newContext(PHONE);
    const employer = await employerContext.newPage();
    const opened = await employer.goto(`${api.url}${formUrl.pathname}`);
    expect(opened?.status()).toBe(200);
    await employer.getByRole('heading', { level: 1, name: 'Votre besoin de recrutement' }).waitFor();
    await phoneReadyWithoutScript(employer);
    await auditPage(employer, 'journey-employer-need-form');
    await employer.getByLabel('Nom de votre entreprise').fill('Garage des Flandres');
    await employer.getByLabel('Numéro SIRET').fill('888 123 456 00013');
    await employer.getByLabel('Poste à pourvoir').fill('Mécanicien·ne automobile');
    await employer.getByLabel('Lieu de travail').fill('12 rue du Port, 59000 Lille');
    await employer.getByLabel('Horaires').fill('Du lundi au vendredi, 8 h – 17 h');
    await employer.getByLabel('Type de contrat').selectOption('CDI');
    await employer.getByLabel('Ce qui compte pour vous').fill('Aimer le travail bien fait ; le diagnostic s’apprend.');
    await employer.getByLabel('Votre nom').fill('Marc Flandres');
    await employer.getByLabel('Votre téléphone').fill('06 11 22 33 44');
    await employer.getByRole('button', { name: 'Envoyer mon besoin' }).click();
    // A mistyped SIRET: the form comes back filled, the problem said by the field.
    await expect(employer.getByRole('alert').innerText()).resolves.toContain('SIRET n’est pas valable');
    await expect(employer.getByLabel('Poste à pourvoir').inputValue()).resolves.toBe('Mécanicien·ne automobile');
    await auditPage(employer, 'journey-employer-need-problem');
    await employer.getByLabel('Numéro SIRET').fill('888 123 456 00012');
    await employer.getByRole('button', { name: 'Envoyer mon besoin' }).click();
    await expect(employer.getByRole('status').innerText()).resolves.toContain(
      'votre besoin « Mécanicien·ne automobile » a bien été reçu',
    );
    await phoneReadyWithoutScript(employer);
    await auditPage(employer, 'journey-employer-need-received');

    const [need] = await db.query<
      Array<{ received_at: Date; job_analysis_id: string; employer_id: string; status: string; siret: string }>
    >(
      `SELECT n.received_at, n.job_analysis_id, n.employer_id, j.status, e.siret
       FROM employer_need n JOIN job_analysis j ON j.id = n.job_analysis_id JOIN employer e ON e.id = n.employer_id`,
    );
    expect(need).toMatchObject({ status: 'draft', siret: '88812345600012' });

    // 3. The mediator sees it as a draft job analysis to qualify, with its 48-hour deadline.
    await mediator.reload();
    await mediator.getByRole('heading', { name: '1 besoin reçu' }).waitFor();
    const item = mediator.locator('li.card', {
      has: mediator.getByRole('heading', { name: 'Mécanicien·ne automobile — Garage des Flandres' }),
    });
    await item.waitFor();
    const due = new Date(need.received_at.getTime() + 48 * HOUR).toLocaleString('fr-FR', {
      timeZone: 'Europe/Paris',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    await expect(item.innerText()).resolves.toContain(`Candidat·es à proposer avant le ${due}`);
    await expect(item.innerText()).resolves.toContain('À qualifier');
    await expect(item.innerText()).resolves.toContain('06 11 22 33 44');
    await auditPage(mediator, 'journey-employer-need-received-list');

    // 4. The mediator qualifies it with the employer and publishes it as an offer.
    await item.getByRole('button', { name: 'Qualifier le besoin « Mécanicien·ne automobile »' }).click();
    await expect(item.getByLabel('Intitulé du poste').inputValue()).resolves.toBe('Mécanicien·ne automobile');
    await item.getByLabel('Missions').fill('Entretenir les véhicules\nDiagnostiquer les pannes simples');
    await item.getByLabel('Exigences réelles du poste').fill('Permis B');
    await auditPage(mediator, 'journey-employer-need-qualify');
    await item.getByRole('button', { name: 'Qualifier le besoin', exact: true }).click();
    await item.getByText('Qualifié le').waitFor();
    await item.getByRole('link', { name: 'Mécanicien·ne automobile' }).waitFor();

    const [qualified] = await db.query<Array<{ status: string; offer_id: string | null; qualified_at: Date | null }>>(
      `SELECT j.status, j.offer_id, n.qualified_at FROM employer_need n JOIN job_analysis j ON j.id = n.job_analysis_id
       WHERE n.job_analysis_id = $1`,
      [need.job_analysis_id],
    );
    expect(qualified).toMatchObject({ status: 'qualified', offer_id: expect.any(String) as unknown });
    expect(qualified.qualified_at).not.toBeNull();
    const offers = await db.query<Array<{ title: string }>>('SELECT title FROM offer WHERE id = $1', [
      qualified.offer_id,
    ]);
    expect(offers).toEqual([{ title: 'Mécanicien·ne automobile' }]);
    await mediatorContext.close();
    await employerContext.close();
  });
});
