/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import { SyncOffersIndex } from '@passerelle/matching';
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
  JOURNEY_BOARDS,
} from '@passerelle/testing';

jest.setTimeout(240_000);

/**
 * Platform staff's day in a real browser, on the demo data: post an offer by hand (an invalid SIRET
 * and a past expiry date are refused beside their fields, in French), find it by keyword from
 * another page of results (searched on the server), edit it, close it; then tune a source and try
 * its description on one page. Outcomes are checked on screen and in PostgreSQL and the index;
 * every screen passes axe-core without a serious or critical violation.
 */
describe('platform staff journey in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let sources: DemoSources;
  let browser: Browser;
  let db: DataSource;
  let demo: { mediatorEmail: string; password: string };

  /** What the worker does after each write: the outbox to Meilisearch (no worker runs beside this API). */
  const syncIndex = async (): Promise<void> => {
    await api.app.get(SyncOffersIndex).execute();
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    sources = await startDemoSources(JOURNEY_BOARDS);
    api = await startApi(context.config);
    await ingestDemoBoards(api.app, sources, ['france-travail-demo']);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    db = api.app.get(DataSource);
    await syncOffersIndex(api.app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await sources?.close();
    await context?.cleanup();
  });

  /** The field (react-aria or native) that holds the input named `name`. */
  const fieldOf = (page: Page, name: string) =>
    page.locator('.field', { has: page.locator(`[name="${name}"]`) }).first();

  it('posts an offer (refused first beside the fields), finds it by keyword from page 2, edits it and closes it', async () => {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signInThroughForm(browserContext, api.url, demo.mediatorEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Offres' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offres d’emploi' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/offres trouvées/)
      .waitFor();
    await auditPage(page, 'staff-offers');

    // The offer, first with an invalid SIRET (wrong check key) and an expiry date already past.
    await page.getByRole('button', { name: 'Saisir une offre' }).click();
    const form = page.locator('#post-offer-form');
    await form.getByLabel('Intitulé du poste').fill('Soudeur TIG H/F');
    await form
      .getByLabel('Description')
      .fill('Soudure TIG de pièces en inox pour un atelier de chaudronnerie. Poste négocié avec l’employeur.');
    await form.getByLabel('Employeur', { exact: true }).fill('Chaudronnerie du Hainaut');
    await form.getByLabel('SIRET de l’employeur').fill('73282932000075');
    await form.getByLabel('Lieu de travail').fill('Valenciennes (59300)');
    await form.getByLabel('Type de contrat').fill('CDI');
    await form.getByLabel('Date d’expiration').fill(addDays(parisToday(), -2));
    await form.getByRole('button', { name: 'Publier l’offre' }).click();
    await form
      .getByRole('alert')
      .getByText('L’offre n’est pas publiée : corrigez les champs signalés ci-dessous.')
      .waitFor();
    await fieldOf(page, 'employerSiret').getByText('SIRET invalide (14 chiffres et clé de contrôle)').waitFor();
    await fieldOf(page, 'expiresAt')
      .getByText(/la date est déjà passée/)
      .waitFor();
    await expect(form.getByLabel('SIRET de l’employeur').getAttribute('aria-invalid')).resolves.toBe('true');
    await auditPage(page, 'staff-offer-errors');
    const refused = await db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM offer WHERE title = 'Soudeur TIG H/F'`,
    );
    expect(Number(refused[0].n)).toBe(0);

    // Corrected: published, and first in the list (newest first).
    await form.getByLabel('SIRET de l’employeur').fill('73282932000074');
    await form.getByLabel('Date d’expiration').fill(addDays(parisToday(), 30));
    await form.getByRole('button', { name: 'Publier l’offre' }).click();
    await page.getByRole('status').getByText('Offre publiée').waitFor();
    const rows = await db.query<Array<{ id: string; source: string; status: string; employer_siret: string }>>(
      `SELECT id, source, status, employer_siret FROM offer WHERE title = 'Soudeur TIG H/F'`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ source: 'manual', status: 'open', employer_siret: '73282932000074' }),
    ]);
    const offerId = rows[0].id;
    const firstRow = page.locator('table.data-table tbody tr').first();
    await firstRow.getByRole('link', { name: 'Soudeur TIG H/F' }).waitFor();
    await syncIndex();
    const results = page.getByRole('region', { name: 'Liste des offres' });

    // From page 2 of the results, the keyword search reaches every open offer, not the page on screen.
    await page.getByRole('button', { name: 'Offres suivantes' }).click();
    await page
      .getByRole('status')
      .getByText(/offres 51 à 100/)
      .waitFor();
    await expect(results.getByRole('link', { name: 'Soudeur TIG H/F' }).count()).resolves.toBe(0);
    await page.getByLabel('Mots-clés').fill('SOUDEUR');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page
      .getByRole('status')
      .getByText(/pour « SOUDEUR »/)
      .waitFor();
    await results.getByRole('link', { name: 'Soudeur TIG H/F' }).waitFor();
    expect(new URL(page.url()).searchParams.get('debut')).toBeNull();
    await auditPage(page, 'staff-offers-keyword');

    // Edited: the page shows the new title, the database holds it.
    await results.getByRole('link', { name: 'Soudeur TIG H/F' }).click();
    await page.getByRole('heading', { level: 1, name: 'Soudeur TIG H/F' }).waitFor();
    await auditPage(page, 'staff-offer');
    await page.getByRole('button', { name: 'Modifier l’offre' }).click();
    const edit = page.getByRole('form', { name: 'Modifier l’offre' });
    await expect(edit.getByLabel('SIRET de l’employeur').inputValue()).resolves.toBe('73282932000074');
    await auditPage(page, 'staff-offer-edit');
    await edit.getByLabel('Intitulé du poste').fill('Soudeur TIG confirmé H/F');
    await edit.getByLabel('Heures par semaine').fill('35');
    await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Soudeur TIG confirmé H/F' }).waitFor();
    const edited = await db.query<Array<{ title: string; weekly_hours: string }>>(
      'SELECT title, weekly_hours FROM offer WHERE id = $1',
      [offerId],
    );
    expect(edited).toEqual([{ title: 'Soudeur TIG confirmé H/F', weekly_hours: '35' }]);

    // Closed: the status shows, the row says so, and the index no longer returns it.
    await page.getByRole('button', { name: 'Fermer l’offre' }).click();
    await page.getByText('L’offre est fermée.').waitFor();
    await page.getByText('Offre fermée', { exact: true }).waitFor();
    await auditPage(page, 'staff-offer-closed');
    const closed = await db.query<Array<{ status: string; closed_reason: string }>>(
      'SELECT status, closed_reason FROM offer WHERE id = $1',
      [offerId],
    );
    expect(closed).toEqual([{ status: 'closed', closed_reason: 'manual' }]);
    await syncIndex();
    const signedIn = await login(api, demo.mediatorEmail, demo.password).expect(200);
    const token = (signedIn.body as { accessToken: string }).accessToken;
    const search = await request(api.url).get('/offers?q=soudeur').auth(token, { type: 'bearer' }).expect(200);
    expect((search.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).not.toContain(offerId);
    await page.goto(`${api.url}/app/offres?q=soudeur`);
    await page
      .getByRole('status')
      .getByText(/pour « soudeur »/)
      .waitFor();
    await expect(results.getByRole('link', { name: /Soudeur TIG confirmé/ }).count()).resolves.toBe(0);
    await browserContext.close();
  });

  it('edits a source, trying its site description on one page before saving it', async () => {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signInThroughForm(browserContext, api.url, demo.mediatorEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await page.goto(`${api.url}/app/offres`);
    await page.getByRole('button', { name: 'Modifier la source Nordemploi (démo)' }).click();
    const editor = page.getByRole('form', { name: 'Modifier la source Nordemploi (démo)' });
    const id = sources.fixtures.nordemploi.wellFormed[0];
    await editor.getByLabel('Page d’offre pour l’essai').fill(`${sources.baseUrl}/nordemploi/offres/${id}`);
    await editor.getByRole('button', { name: 'Tester sur une page' }).click();
    await editor.getByText(/La page serait collectée/).waitFor();
    await editor
      .getByText(sources.catalog.offer(id)?.title ?? '')
      .first()
      .waitFor();
    await auditPage(page, 'staff-source-try');

    // A description that cannot work is refused beside the description, before anything is saved.
    const config = editor.getByLabel('Description du site (JSON)');
    const original = await config.inputValue();
    await config.fill(original.replace(/"offerLink": "[^"]*"/, '"offerLink": ""'));
    await editor.getByRole('button', { name: 'Tester sur une page' }).click();
    await fieldOf(page, 'config')
      .getByText(/listing\.offerLink : sélecteur CSS attendu/)
      .waitFor();
    await config.fill(original);
    await editor.getByLabel('Nom affiché').fill('Nordemploi');
    await editor.getByLabel('Collecte toutes les … minutes').fill('120');
    await editor.getByRole('button', { name: 'Enregistrer la source' }).click();
    await page.getByText('Source enregistrée.').waitFor();
    await auditPage(page, 'staff-source-saved');
    const saved = await db.query<Array<{ label: string; schedule_minutes: number }>>(
      `SELECT label, schedule_minutes FROM ingestion_source WHERE name = 'nordemploi'`,
    );
    expect(saved).toEqual([{ label: 'Nordemploi', schedule_minutes: 120 }]);
    await browserContext.close();
  });
});
