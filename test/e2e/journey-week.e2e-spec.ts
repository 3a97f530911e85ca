/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, CheckContactRhythm, parisToday } from '@passerelle/coaching';
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
  type TestUser,
} from '@passerelle/testing';

const today = parisToday();
const french = (date: string): string => date.split('-').reverse().join('/');

/**
 * The coach's week in a real browser (issue 21's rhythm and new entrants): a manager sets the
 * Nord's contact rhythm and imports the orientation service's list (preview: one to create, one
 * duplicate, one line refused with its reason; then confirmed), and a coach sees a person behind the
 * rhythm in their portfolio and inbox, records a contact on the file, the alert clears, and they add
 * an objective with steps to the person's action plan. Each
 * screen passes axe; outcomes are read on screen and in the database.
 */
describe('the coach’s week in headless Chromium: contact rhythm and new entrants', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let behindId: string;

  const signIn = (browserContext: BrowserContext, user: TestUser): Promise<Page> =>
    signInThroughForm(browserContext, api.url, user.email, user.password);
  const newContext = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const created = await asUser(api, org.users.coachLille)
      .post('/beneficiaries', {
        firstName: 'Bruno',
        lastName: 'Rythme',
        birthDate: '1984-02-10',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -40),
      })
      .expect(201);
    behindId = (created.body as { id: string }).id;
    // Followed by this coach since the orientation; one call three days ago.
    await db.query(`UPDATE beneficiary_assignment SET started_at = now() - interval '40 days'`);
    await asUser(api, org.users.coachLille)
      .post(`/beneficiaries/${behindId}/events`, { kind: 'call', occurredOn: addDays(today, -3), note: 'appel' })
      .expect(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('a manager sets the rhythm, previews the new entrants’ list and confirms it', async () => {
    const browserContext = await newContext();
    const page = await signIn(browserContext, org.users.managerNord);
    await page.getByRole('navigation').getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Équipe et portefeuilles' }).waitFor();

    // The rhythm: 2 contacts a week for the whole Nord (its local office follows it).
    const rhythm = page.getByRole('form', { name: 'Fixer le rythme de contact' });
    await rhythm.getByRole('button', { name: /Structure/ }).click();
    await page.getByRole('option', { name: 'Département du Nord' }).click();
    await rhythm.getByLabel('Nombre de contacts').fill('2');
    await rhythm.getByRole('button', { name: 'Enregistrer le rythme' }).click();
    await page.getByText('Rythme de contact enregistré.').waitFor();
    const lilleRow = page.getByRole('row', { name: /UT Lille/ });
    await lilleRow.getByText('2 contacts par semaine').waitFor();
    await lilleRow.getByText('celui de la structure parente').waitFor();
    await page
      .getByRole('list', { name: 'Personnes en retard sur le rythme de contact' })
      .getByText('Bruno Rythme')
      .waitFor();
    await auditPage(page, 'journey-week-team');

    // The new entrants: one to create, one already known (Bruno), one refused (a formula in a name).
    const oriented = french(addDays(today, -2));
    const csv = [
      'Nom;Prénom;Date de naissance;Adresse;Date d’orientation;Structure',
      `Nouvelle;Inès;20/11/2000;"8 rue de Paris; 59000 Lille";${oriented};UT Lille`,
      `Rythme;Bruno;10/02/1984;3 place du Marché 59000 Lille;${oriented};UT Lille`,
      `=1+1;Max;01/01/1980;1 rue A 59000 Lille;${oriented};UT Lille`,
    ].join('\r\n');
    await page.getByRole('link', { name: 'Importer les nouveaux entrants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer les nouveaux entrants' }).waitFor();
    await page.getByLabel('Fichier CSV du service d’orientation').setInputFiles({
      name: 'orientations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
    });
    await page.getByRole('button', { name: 'Prévisualiser l’import' }).click();
    await page.getByText('3 lignes lues : 1 à créer, 1 doublon, 1 refusée.').waitFor();
    await page.getByRole('row', { name: /Inès Nouvelle/ }).waitFor();
    await page
      .getByRole('list', { name: 'Doublons écartés' })
      .getByText(/Ligne 3 : Bruno Rythme/)
      .waitFor();
    await page
      .getByRole('list', { name: 'Lignes refusées' })
      .getByText(/formule de tableur/)
      .waitFor();
    await auditPage(page, 'journey-week-import-preview');
    expect(await db.query(`SELECT 1 FROM beneficiary WHERE last_name = 'Nouvelle'`)).toHaveLength(0);

    await page.getByRole('button', { name: 'Confirmer la création de 1 dossier' }).click();
    await page.getByText(/1 dossier créé au statut « orienté »/).waitFor();
    await auditPage(page, 'journey-week-import-done');
    const rows: Array<{ status: string; structure_id: string; commune_name: string }> = await db.query(
      `SELECT status, structure_id, commune_name FROM beneficiary WHERE last_name = 'Nouvelle' AND first_name = 'Inès'`,
    );
    expect(rows).toEqual([{ status: 'oriented', structure_id: org.structures.lille, commune_name: 'Lille' }]);
    await browserContext.close();
  });

  it('a coach sees the person behind the rhythm, records a contact, the alert clears; then plans an objective', async () => {
    await api.app.get(CheckContactRhythm).execute();
    const browserContext = await newContext();
    const page = await signIn(browserContext, org.users.coachLille);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    const row = page.getByRole('row', { name: /Bruno Rythme/ });
    await row.getByText('En retard sur le rythme de contact').waitFor();
    await row.getByText('1 sur 2 attendus (2 par 7 j)').waitFor();
    await auditPage(page, 'journey-week-portfolio-behind');

    await page
      .getByRole('link', { name: /Notifications/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page
      .getByRole('paragraph')
      .filter({ hasText: /en retard sur le rythme de contact \(2 contacts par semaine\)/ })
      .waitFor();
    await auditPage(page, 'journey-week-inbox');

    await page.goto(`${api.url}/app/personnes/${behindId}`);
    await page.getByRole('heading', { name: 'Bruno Rythme' }).waitFor();
    await page.getByText('En retard', { exact: true }).waitFor();
    const journal = page.getByRole('form', { name: 'Ajouter au journal' });
    await journal.getByLabel(/^Note/).fill('Entretien de suivi');
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await page.getByRole('list', { name: 'Entrées du journal' }).getByText('Entretien de suivi').waitFor();
    await page.getByText('Au rythme', { exact: true }).waitFor();

    // The action plan: an objective with two steps, the first then ticked off.
    await page.getByText('Ajouter un objectif').click();
    const plan = page.getByRole('form', { name: 'Ajouter un objectif' });
    await plan.getByLabel(/^Objectif/).fill('Obtenir le permis B');
    await plan.getByLabel('Étapes (une par ligne)').fill('Inscription à l’auto-école\nCode de la route');
    await plan.getByRole('button', { name: 'Ajouter l’objectif' }).click();
    await page.getByText('Objectif ajouté au plan d’action.').waitFor();
    await page.getByRole('button', { name: 'Marquer faite l’étape « Inscription à l’auto-école »' }).click();
    await page.getByRole('button', { name: 'Rouvrir l’étape « Inscription à l’auto-école »' }).waitFor();
    await auditPage(page, 'journey-week-objectives');
    const [objective] = await db.query(`SELECT title, steps FROM objective WHERE beneficiary_id = $1`, [behindId]);
    expect(objective).toEqual({
      title: 'Obtenir le permis B',
      steps: [
        { label: 'Inscription à l’auto-école', dueOn: null, doneOn: today },
        { label: 'Code de la route', dueOn: null, doneOn: null },
      ],
    });

    await page.goto(`${api.url}/app/notifications`);
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('Aucune notification.').waitFor();
    await page.goto(`${api.url}/app/portefeuille`);
    const after = page.getByRole('row', { name: /Bruno Rythme/ });
    await after.getByText('2 sur 2 attendus (2 par 7 j)').waitFor();
    expect(await after.getByText('En retard sur le rythme de contact').count()).toBe(0);
    await auditPage(page, 'journey-week-portfolio-cleared');
    const alerts: unknown[] = await db.query(
      `SELECT 1 FROM user_notification WHERE kind = 'contact_rhythm_behind' AND subject_id = $1`,
      [behindId],
    );
    expect(alerts).toHaveLength(0);
    await browserContext.close();
  });
});
