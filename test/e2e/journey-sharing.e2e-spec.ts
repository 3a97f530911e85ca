/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
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

/**
 * Sharing a file in a real browser: the referent coach records the person's agreement and shares
 * the file with a colleague from the file's page; the colleague signs in, finds it on « Dossiers
 * partagés avec moi » and reads the parts shared, without the health note (audited as a shared
 * access); the coach revokes the share and the colleague loses the file at once. Each screen passes axe.
 */
describe('sharing a file with a colleague in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let browser: Browser;
  let db: DataSource;
  let id: string;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const coach = asUser(api, org.users.coachLille);
    const created = await coach
      .post('/beneficiaries', {
        firstName: 'Nadia',
        lastName: 'Partage',
        email: 'nadia.partage@exemple.fr',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(parisToday(), -30),
      })
      .expect(201);
    id = (created.body as { id: string }).id;
    await coach
      .post(`/beneficiaries/${id}/barriers`, {
        kind: 'health',
        status: 'identified',
        healthNote: 'lombalgie chronique',
      })
      .expect(201);
    await coach
      .post(`/beneficiaries/${id}/barriers`, { kind: 'mobility', status: 'in_progress', description: 'pas de permis' })
      .expect(201);
    await coach
      .post(`/beneficiaries/${id}/events`, { kind: 'meeting', occurredOn: parisToday(), note: 'Premier entretien' })
      .expect(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('shares the file with the person’s consent, the colleague reads it without the health note, then loses it on revocation', async () => {
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const coach = await signInThroughForm(coachContext, api.url, 'coach.lille@test.passerelle.fr', TEST_PASSWORD);
    await coach.getByRole('link', { name: 'Portefeuille', exact: true }).waitFor();
    await coach.goto(`${api.url}/app/personnes/${id}`);
    await coach.getByRole('heading', { level: 1, name: 'Nadia Partage' }).waitFor();
    const sharing = coach.getByRole('region', { name: 'Partage du dossier' });
    await sharing.getByText(/enregistrez d’abord l’accord de la personne/).waitFor();

    // The person agrees: the consent is recorded, then the form opens.
    await coach
      .getByRole('listitem')
      .filter({ hasText: 'Partager son dossier avec d’autres professionnels' })
      .getByRole('button', { name: 'Enregistrer' })
      .click();
    await coach.getByText('Consentement enregistré.').waitFor();
    await sharing.getByRole('button', { name: /Professionnel·le/ }).click();
    await coach.getByRole('option', { name: /coach\.nord/ }).click();
    await sharing.getByRole('checkbox', { name: 'Journal' }).check({ force: true });
    expect(await sharing.getByRole('checkbox', { name: /note de santé/ }).isChecked()).toBe(false);
    await auditPage(coach, 'journey-sharing-form');
    await sharing.getByRole('button', { name: 'Partager le dossier' }).click();
    await sharing.getByText(/^Dossier partagé avec coach\.nord jusqu’au/).waitFor();
    await sharing
      .getByRole('list', { name: 'Partages en cours' })
      .getByText('Diagnostic, Freins, Plan d’action, Journal')
      .waitFor();
    const shares: Array<{ parts: string[]; health_note_visible: boolean; revoked_at: Date | null }> = await db.query(
      'SELECT parts, health_note_visible, revoked_at FROM beneficiary_share WHERE beneficiary_id = $1',
      [id],
    );
    expect(shares).toEqual([
      { parts: ['diagnostic', 'barriers', 'objectives', 'journal'], health_note_visible: false, revoked_at: null },
    ]);

    // The colleague finds the file on their page of shared files and reads the shared parts only.
    const colleagueContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const colleague = await signInThroughForm(
      colleagueContext,
      api.url,
      'coach.nord@test.passerelle.fr',
      TEST_PASSWORD,
    );
    await colleague.getByRole('link', { name: 'Partagés avec moi', exact: true }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Dossiers partagés avec moi' }).waitFor();
    await colleague.getByRole('link', { name: 'Nadia Partage' }).waitFor();
    await auditPage(colleague, 'journey-sharing-received');
    await colleague.getByRole('link', { name: 'Nadia Partage' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Nadia Partage' }).waitFor();
    await colleague.getByText(/Dossier partagé par coach\.lille jusqu’au/).waitFor();
    const barriers = colleague.getByRole('list', { name: 'Freins de la personne' });
    await barriers.getByText(/pas de permis/).waitFor();
    await colleague.getByText('Premier entretien').waitFor();
    expect(await colleague.getByText(/lombalgie/).count()).toBe(0);
    // Without the person's agreement, not even the health barrier's category shows.
    expect(await barriers.getByText(/santé/i).count()).toBe(0);
    expect(await colleague.getByText('nadia.partage@exemple.fr').count()).toBe(0);
    await auditPage(colleague, 'journey-sharing-file');
    const audited: unknown[] = await db.query(
      `SELECT 1 FROM audit_event WHERE subject_id = $1 AND actor_user_id = $2 AND action = 'read'
       AND details->>'via' = 'share'`,
      [id, org.users.coachNord.id],
    );
    expect(audited.length).toBeGreaterThanOrEqual(1);

    // The coach revokes the share: the colleague's next read finds nothing.
    await sharing.getByRole('button', { name: 'Révoquer' }).click();
    await sharing.getByText('Partage avec coach.nord révoqué.').waitFor();
    await sharing.getByText('Ce dossier n’est partagé avec personne.').waitFor();
    const revoked: Array<{ revoked_by: string | null }> = await db.query(
      'SELECT revoked_by FROM beneficiary_share WHERE beneficiary_id = $1',
      [id],
    );
    expect(revoked).toEqual([{ revoked_by: org.users.coachLille.id }]);
    await colleague.reload();
    await colleague.getByText('Personne introuvable ou hors de votre périmètre.').waitFor();
    expect(await colleague.getByText('Premier entretien').count()).toBe(0);
    await colleague.getByRole('link', { name: '← Dossiers partagés avec moi' }).click();
    await colleague.getByText('Aucun dossier n’est partagé avec vous en ce moment.').waitFor();
    await auditPage(colleague, 'journey-sharing-revoked');
    await coachContext.close();
    await colleagueContext.close();
  });
});
