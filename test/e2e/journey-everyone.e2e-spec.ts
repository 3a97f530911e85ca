/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import {
  auditPage,
  createTestContext,
  launchChromium,
  seedOrganisation,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
  seedDemoPeople,
} from '@passerelle/testing';

const today = parisToday();

/**
 * What every user meets, in a real browser on the demo data: a refused field says why beside the field, in French
 * (a note over 2,000 characters with its counter, a future date, a date the API refuses); an empty note is refused;
 * an entry is deleted; a barrier moves on with its actions; an aid request is decided; « leila » finds « Leïla »; and
 * a session that expires while the coach types gives the page and the text back after the login. Each screen under
 * axe; each outcome checked in the database too.
 */
describe('journey: what everyone meets (errors, journal, barriers, aid, search, sessions)', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let demo: { email: string; password: string };

  const events = (personId: string): Promise<Array<{ note: string | null; deleted_at: Date | null }>> =>
    db.query('SELECT note, deleted_at FROM coaching_event WHERE beneficiary_id = $1 ORDER BY created_at', [personId]);
  /** The field (label, control, counter, error) of a form whose control has this label. */
  const fieldOf = (page: Page, scope: string, label: RegExp) => {
    const form = page.getByRole('form', { name: scope });
    return form.locator('.field', { has: page.getByLabel(label) });
  };

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    await seedOrganisation(api);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    db = api.app.get(DataSource);
    browser = await launchChromium();
  });

  afterAll(async () => {
    api?.app.get(Clock).reset();
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('a coach finds Leïla as « leila », is told beside each field what is wrong, keeps a journal, moves a barrier, decides an aid and loses nothing when the session expires', async () => {
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signInThroughForm(coachContext, api.url, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();

    // Search without accents or case (once the portfolio has loaded).
    await page.getByRole('link', { name: /Nadia Exemple/ }).waitFor();
    const total = await page.locator('table tbody tr').count();
    expect(total).toBeGreaterThan(1);
    await page.getByLabel('Rechercher une personne').fill('leila');
    await page.getByRole('link', { name: /Leïla Maquette/ }).waitFor();
    await expect(page.locator('table tbody tr').count()).resolves.toBe(1);
    await auditPage(page, 'everyone-portfolio-search');
    await page.getByRole('link', { name: /Leïla Maquette/ }).click();
    await page.getByRole('heading', { name: 'Leïla Maquette' }).waitFor();
    const personId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await events(personId)).toEqual([]);

    // A note over 2,000 characters (the counter says by how much) and a future date: refused beside each field.
    const journal = page.getByRole('form', { name: 'Ajouter au journal' });
    const note = journal.getByLabel(/^Note/);
    await note.fill('a'.repeat(2050));
    await fieldOf(page, 'Ajouter au journal', /^Note/)
      .getByText(/2\s050 \/ 2\s000 caractères : 50 de trop/)
      .waitFor();
    await journal.getByLabel(/^Date/).fill(addDays(today, 1));
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await fieldOf(page, 'Ajouter au journal', /^Note/)
      .getByText(/au plus 2\s000 caractères/)
      .waitFor();
    await fieldOf(page, 'Ajouter au journal', /^Date/).getByText('ne peut pas être dans le futur').waitFor();
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    await auditPage(page, 'everyone-journal-errors');
    // An empty note is refused too.
    await note.fill('');
    await journal.getByLabel(/^Date/).fill(today);
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await fieldOf(page, 'Ajouter au journal', /^Note/).getByText('ce champ est obligatoire').waitFor();
    expect(await events(personId)).toEqual([]);

    // A date only the API refuses (a CER signed tomorrow): its French reason lands beside the field as well.
    const cer = page.getByRole('form', { name: 'Enregistrer un CER signé' });
    await cer.getByLabel(/Signé le/).fill(addDays(today, 1));
    await cer.getByRole('button', { name: 'Enregistrer le CER' }).click();
    await fieldOf(page, 'Enregistrer un CER signé', /Signé le/)
      .getByText('ne peut pas être dans le futur')
      .waitFor();
    const cers: unknown[] = await db.query('SELECT 1 FROM cer WHERE beneficiary_id = $1', [personId]);
    expect(cers).toEqual([]);

    // Two entries; the one typed by mistake is deleted (after a confirmation).
    await note.fill('Point sur la garde d’enfant : crèche demandée');
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await page.getByText('Entrée ajoutée au journal.').waitFor();
    await note.fill('Saisie par erreur');
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    const entries = page.getByRole('list', { name: 'Entrées du journal' });
    const mistaken = entries.locator('li', { hasText: 'Saisie par erreur' });
    await mistaken.waitFor();
    await mistaken.getByRole('button', { name: /^Supprimer/ }).click();
    await mistaken.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await page.getByText('Entrée supprimée du journal.').waitFor();
    await expect(mistaken.count()).resolves.toBe(0);
    await entries.locator('li', { hasText: 'crèche demandée' }).waitFor();
    const stored = await events(personId);
    expect(stored.map((event) => [event.note, event.deleted_at !== null])).toEqual([
      ['Point sur la garde d’enfant : crèche demandée', false],
      ['Saisie par erreur', true],
    ]);
    await auditPage(page, 'everyone-journal');

    // The childcare barrier moves on, with its actions.
    const barriers = page.getByRole('list', { name: 'Freins de la personne' });
    const childcare = barriers.locator('li', { hasText: 'Garde d’enfants' });
    await childcare.getByText('Faire évoluer ce frein').click();
    await childcare.getByRole('button', { name: /Statut du frein Garde d’enfants/ }).click();
    await page.getByRole('option', { name: 'En cours' }).click();
    await childcare.getByLabel(/Actions engagées/).fill('Dossier CAF déposé, relance de la crèche');
    await auditPage(page, 'everyone-barrier');
    await childcare.getByRole('button', { name: 'Enregistrer le frein' }).click();
    await page.getByText('Frein « Garde d’enfants » enregistré.').waitFor();
    await childcare.getByText('(en cours)').waitFor();
    await childcare.getByText('Actions : Dossier CAF déposé, relance de la crèche').waitFor();
    const [barrier]: Array<{ status: string; actions: string }> = await db.query(
      `SELECT status, actions FROM barrier WHERE beneficiary_id = $1`,
      [personId],
    );
    expect(barrier).toEqual({ status: 'in_progress', actions: 'Dossier CAF déposé, relance de la crèche' });

    // An aid request, asked then granted with its amount.
    const aid = page.getByRole('form', { name: 'Demander une aide' });
    await aid.getByLabel('Montant demandé (€)').fill('80,50');
    await aid.getByLabel(/Motif de la demande/).fill('Frais de garde pendant la formation');
    await aid.getByRole('button', { name: 'Enregistrer la demande d’aide' }).click();
    await page.getByText('Demande d’aide enregistrée.').waitFor();
    const request = page.getByRole('list', { name: 'Demandes d’aide de la personne' }).locator('li').first();
    await request.getByText('en attente').waitFor();
    await request.getByLabel('Montant accordé (€)').fill('60');
    await auditPage(page, 'everyone-aid');
    await request.getByRole('button', { name: 'Accorder' }).click();
    await page.getByText('Aide accordée.').waitFor();
    await request.getByText('accordée').waitFor();
    const [aidRow]: Array<{ aid_kind: string; aid_amount: string; aid_decision: string }> = await db.query(
      `SELECT aid_kind, aid_amount, aid_decision FROM coaching_event WHERE beneficiary_id = $1 AND kind = 'aid_request'`,
      [personId],
    );
    expect(aidRow).toEqual({ aid_kind: 'mobility', aid_amount: '60.00', aid_decision: 'granted' });

    // The coach types a note; meanwhile the session reaches its 12 hours. Sending it leads to the login page; once
    // logged in again, the coach is back on Leïla's file with the note as typed, and sends it.
    const typed = 'Entretien du jour : la crèche confirme une place en janvier, reprise de la formation prévue.';
    await note.fill(typed);
    api.app.get(Clock).set(new Date(Date.now() + 12 * 3_600_000 + 60_000));
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByText('Votre session a expiré : reconnectez-vous pour continuer.').waitFor();
    expect(await events(personId)).toHaveLength(3); // two entries and the aid request: nothing sent
    await auditPage(page, 'everyone-session-expired');
    await page.getByLabel('Adresse e-mail').fill(demo.email);
    await page.getByLabel('Mot de passe').fill(demo.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Leïla Maquette' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/personnes/${personId}`);
    await page.waitForFunction(
      (text) =>
        document.querySelector<HTMLTextAreaElement>('form[aria-label="Ajouter au journal"] textarea')?.value === text,
      typed,
    );
    await journal.getByRole('button', { name: 'Ajouter au journal' }).click();
    await page.getByText('Entrée ajoutée au journal.').waitFor();
    await entries.locator('li', { hasText: 'la crèche confirme une place' }).waitFor();
    expect((await events(personId)).map((event) => event.note)).toContain(typed);
    await coachContext.close();
  });
});
