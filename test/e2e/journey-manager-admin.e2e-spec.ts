/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  as,
  auditPage,
  createTestContext,
  launchChromium,
  login,
  seedOrganisation,
  signInThroughForm,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  seedDemoPeople,
} from '@passerelle/testing';

/**
 * A manager's and an administrator's day in a real browser, on the demo data. The manager registers a person,
 * gives them to a coach whose portfolio is full (refused, then overridden with a reason) and sees the coach's load
 * go past the cap; an administrator created with a temporary password chooses their own at first login, then
 * creates an account that works. Outcomes are checked on screen and in the database; every screen passes axe.
 */
describe('manager and administrator journeys in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let demo: { email: string; password: string; managerEmail: string };

  const signIn = (browserContext: BrowserContext, email: string, password: string): Promise<Page> =>
    signInThroughForm(browserContext, api.url, email, password);
  const newContext = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    db = api.app.get(DataSource);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('a manager registers a person, is refused a coach at the cap, overrides it with a reason, sees it in the load view, then transfers the person', async () => {
    // The demo coach's portfolio is made exactly full: the cap becomes the number of people they follow.
    const [coach]: Array<{ id: string; display_name: string; load: number }> = await db.query(
      `SELECT u.id, u.display_name, (SELECT count(*)::int FROM beneficiary b WHERE b.referent_user_id = u.id
         AND b.status IN ('oriented', 'in_coaching') AND b.erased_at IS NULL) AS load
       FROM app_user u WHERE u.email = $1`,
      [demo.email],
    );
    expect(coach.load).toBeGreaterThan(0);
    await as(api, org.admin).put('/settings/coaching.portfolio_cap', { value: coach.load }).expect(200);
    const [manager]: Array<{ id: string; structure_id: string }> = await db.query(
      'SELECT id, structure_id FROM app_user WHERE email = $1',
      [demo.managerEmail],
    );
    // A second coach in the demo structure, with room: the person is transferred to them at the end.
    const second = await as(api, org.admin)
      .post('/users', {
        email: 'yanis.renfort@test.passerelle.fr',
        displayName: 'Yanis Renfort',
        structureId: manager.structure_id,
        roles: ['coach'],
        password: TEST_PASSWORD,
      })
      .expect(201);
    const secondId = (second.body as { user: { id: string } }).user.id;

    const managerContext = await newContext();
    const page = await signIn(managerContext, demo.managerEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Indicateurs du programme' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Équipe et portefeuilles' }).waitFor();
    const loads = page.getByRole('region', { name: 'Tableau de la charge des conseillers' });
    const coachRow = loads.getByRole('row', { name: new RegExp(coach.display_name.replace(/[()]/g, '\\$&')) });
    await coachRow.waitFor();
    await expect(coachRow.innerText()).resolves.toMatch(
      new RegExp(`${coach.load}\\s+${coach.load}\\s+Plafond atteint`),
    );
    await auditPage(page, 'team');

    // Registration: the form says what is missing by the field, then the person's file opens, with no coach yet.
    await page.getByRole('link', { name: 'Inscrire une personne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inscrire une personne' }).waitFor();
    const form = page.getByRole('form', { name: 'Inscrire une personne' });
    await form.getByRole('button', { name: 'Inscrire la personne' }).click();
    await form.getByText('Saisissez le prénom.').waitFor();
    await form.getByText('Indiquez la commune de résidence.').waitFor();
    await auditPage(page, 'register-person');
    await form.getByLabel(/^Prénom/).fill('Élodie');
    await form.getByLabel(/^Nom/).fill('Nouvelle');
    await form.getByLabel(/^Commune de résidence/).fill('Lille');
    await form.getByLabel(/^Code postal/).fill('59000');
    await form.getByLabel(/^Téléphone/).fill('06 12 34 56 78');
    await form.getByRole('button', { name: 'Inscrire la personne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Élodie Nouvelle' }).waitFor();
    const personId = new URL(page.url()).pathname.split('/').at(-1)!;
    const referent = page.locator('section', { has: page.getByRole('heading', { name: 'Conseiller·ère référent·e' }) });
    await referent.getByText('Aucun·e conseiller·ère pour le moment.').waitFor();

    // The coach is at the cap: refused in French by the field, with the numbers; then overridden with a reason.
    await referent.getByRole('button', { name: /Affecter à/ }).click();
    await page.getByRole('option', { name: new RegExp(`^${coach.display_name.replace(/[()]/g, '\\$&')}`) }).click();
    await referent.getByRole('button', { name: 'Affecter', exact: true }).click();
    await referent
      .getByText(
        `Affectation refusée : ${coach.display_name} suit déjà ${coach.load} personnes pour un plafond de ${coach.load}.`,
        { exact: false },
      )
      .waitFor();
    const refused: Array<{ n: number }> = await db.query(
      'SELECT count(*)::int AS n FROM beneficiary_assignment WHERE beneficiary_id = $1',
      [personId],
    );
    expect(refused).toEqual([{ n: 0 }]);
    await referent.getByRole('checkbox', { name: 'Déroger au plafond pour cette affectation' }).check({ force: true });
    // Without a reason, the override is not sent.
    await referent.getByRole('button', { name: 'Affecter malgré le plafond' }).click();
    await referent.getByText('Indiquez pourquoi vous dérogez au plafond.').waitFor();
    const reason = 'Suit déjà sa sœur : même conseillère pour la famille';
    await referent.getByLabel(/Motif de la dérogation/).fill(reason);
    await auditPage(page, 'person-assignment-override');
    await referent.getByRole('button', { name: 'Affecter malgré le plafond' }).click();
    await page.getByText(/confié·e à .*au-delà du plafond \(dérogation inscrite\)/).waitFor();
    await referent.getByText(`Suivi·e par ${coach.display_name}`).waitFor();
    await referent.getByText(/Historique des affectations/).click();
    await expect(referent.innerText()).resolves.toContain(`dérogation au plafond : « ${reason} »`);
    await auditPage(page, 'person-assigned');

    // In the database: the person's referent, the assignment with who and why, and the audit row of the decision.
    const [person]: Array<{ referent_user_id: string; structure_id: string; first_name: string }> = await db.query(
      'SELECT referent_user_id, structure_id, first_name FROM beneficiary WHERE id = $1',
      [personId],
    );
    expect(person).toMatchObject({ referent_user_id: coach.id, first_name: 'Élodie' });
    const assignments: Array<{
      coach_user_id: string;
      assigned_by: string;
      cap_override: boolean;
      reason: string;
      ended_at: Date | null;
    }> = await db.query(
      'SELECT coach_user_id, assigned_by, cap_override, reason, ended_at FROM beneficiary_assignment WHERE beneficiary_id = $1',
      [personId],
    );
    expect(assignments).toEqual([
      { coach_user_id: coach.id, assigned_by: manager.id, cap_override: true, reason, ended_at: null },
    ]);
    const audited: Array<{ actor_user_id: string; details: Record<string, unknown> }> = await db.query(
      `SELECT actor_user_id, details FROM audit_event
       WHERE subject_type = 'beneficiary' AND subject_id = $1 AND action = 'update' AND details ? 'capOverride'`,
      [personId],
    );
    expect(audited).toEqual([
      {
        actor_user_id: manager.id,
        details: {
          referent: { from: null, to: coach.id },
          capOverride: true,
          load: coach.load,
          cap: coach.load,
        },
      },
    ]);

    // The load view: the coach above the cap by one, the override listed with its reason; "elodie" finds Élodie.
    await nav.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Équipe et portefeuilles' }).waitFor();
    await expect(coachRow.innerText()).resolves.toMatch(
      new RegExp(`${coach.load + 1}\\s+${coach.load}\\s+Au-delà du plafond \\(\\+1\\)\\s+1`),
    );
    const override = page.locator('ul.overrides li', { hasText: 'Élodie Nouvelle' });
    await expect(override.innerText()).resolves.toContain(`« ${reason} »`);
    await expect(override.innerText()).resolves.toContain('Dominique Responsable');
    await page.getByLabel('Rechercher une personne').fill('elodie');
    const people = page.getByRole('region', { name: 'Tableau des personnes suivies' });
    await people.getByRole('link', { name: 'Élodie Nouvelle' }).waitFor();
    await expect(people.locator('tbody tr').count()).resolves.toBe(1);
    await expect(people.locator('tbody tr').innerText()).resolves.toContain(coach.display_name);
    await auditPage(page, 'team-after-override');

    // A transfer to the coach with room: the override ends with the assignment it allowed.
    await people.getByRole('link', { name: 'Élodie Nouvelle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Élodie Nouvelle' }).waitFor();
    await referent.getByRole('button', { name: /Transférer à/ }).click();
    await page.getByRole('option', { name: `Yanis Renfort — 0 / ${coach.load}` }).click();
    await referent.getByRole('button', { name: 'Transférer', exact: true }).click();
    await referent.getByText('Suivi·e par Yanis Renfort').waitFor();
    const history: Array<{ coach_user_id: string; ended: boolean; cap_override: boolean; reason: string | null }> =
      await db.query(
        `SELECT coach_user_id, ended_at IS NOT NULL AS ended, cap_override, reason FROM beneficiary_assignment
         WHERE beneficiary_id = $1 ORDER BY started_at`,
        [personId],
      );
    expect(history).toEqual([
      { coach_user_id: coach.id, ended: true, cap_override: true, reason },
      { coach_user_id: secondId, ended: false, cap_override: false, reason: null },
    ]);
    await nav.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Équipe et portefeuilles' }).waitFor();
    await expect(coachRow.innerText()).resolves.toMatch(
      new RegExp(`${coach.load}\\s+${coach.load}\\s+Plafond atteint\\s+0`),
    );
    const secondRow = loads.getByRole('row', { name: /Yanis Renfort/ });
    await expect(secondRow.innerText()).resolves.toMatch(
      new RegExp(`\\s1\\s+${coach.load}\\s+${coach.load - 1} place`),
    );
    await page.getByRole('heading', { name: 'Dérogations au plafond en vigueur' }).waitFor();
    await expect(page.locator('ul.overrides').count()).resolves.toBe(0);
    await managerContext.close();
  });

  it('an administrator with a temporary password chooses their own at first login, then creates an account that works', async () => {
    const created = await as(api, org.admin)
      .post('/users', {
        email: 'nouvelle.admin@test.passerelle.fr',
        displayName: 'Nora Administratrice',
        structureId: org.structures.nord,
        roles: ['admin'],
      })
      .expect(201);
    const temporary = (created.body as { temporaryPassword: string }).temporaryPassword;
    expect(temporary).toEqual(expect.any(String));

    const adminContext = await newContext();
    const page = await signIn(adminContext, 'nouvelle.admin@test.passerelle.fr', temporary);
    await page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/mot-de-passe');
    await expect(page.locator('main').innerText()).resolves.not.toContain('Vous n’avez pas accès');
    // Another page is not reachable before the change.
    await page.goto(`${api.url}/app/admin`);
    await page.getByRole('heading', { level: 1, name: 'Choisissez votre mot de passe' }).waitFor();
    await auditPage(page, 'password-change');
    const form = page.getByRole('form', { name: 'Changer de mot de passe' });
    const newPasswordField = form.locator('.field', { has: page.getByLabel('Nouveau mot de passe', { exact: true }) });
    // A common password (a variant of "motdepasse"): refused by the API, said in French next to the field.
    await form.getByLabel('Mot de passe provisoire').fill(temporary);
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('Motdepasse2024!');
    await form.getByLabel('Confirmer le nouveau mot de passe').fill('Motdepasse2024!');
    await form.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await newPasswordField.getByText(/Ce mot de passe est trop courant/).waitFor();
    await expect(form.getByLabel('Nouveau mot de passe', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await auditPage(page, 'password-change-refused');
    const chosen = 'Trois ponts sur la rivière lente';
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill(chosen);
    await form.getByLabel('Confirmer le nouveau mot de passe').fill(chosen);
    await form.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

    // The normal home: the administration page, its lists loaded.
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const structures = page.getByRole('region', { name: 'Tableau des structures' });
    await structures.getByRole('rowheader', { name: 'Département du Nord', exact: true }).waitFor();
    await page.getByText('nouvelle.admin@test.passerelle.fr').first().waitFor();
    await page.getByRole('heading', { name: 'Plafond de portefeuille' }).waitFor();
    await expect(page.getByText(/Chargement/).count()).resolves.toBe(0);
    const [admin]: Array<{ must_change_password: boolean }> = await db.query(
      'SELECT must_change_password FROM app_user WHERE email = $1',
      ['nouvelle.admin@test.passerelle.fr'],
    );
    expect(admin.must_change_password).toBe(false);
    await login(api, 'nouvelle.admin@test.passerelle.fr', chosen).expect(200);
    await login(api, 'nouvelle.admin@test.passerelle.fr', temporary).expect(401);

    // A new coach's account: created, its temporary password shown once, and it opens a session.
    const create = page.locator('.card', { has: page.getByRole('heading', { name: 'Créer un compte' }) });
    await create.getByLabel('Adresse e-mail').fill('nina.conseillere@test.passerelle.fr');
    await create.getByLabel('Nom affiché').fill('Nina Conseillère');
    await create.getByRole('button', { name: /Structure/ }).click();
    await page.getByRole('option', { name: 'UT Lille' }).click();
    await create.getByRole('checkbox', { name: /Conseiller·ère/ }).check({ force: true });
    await create.getByRole('button', { name: 'Créer le compte' }).click();
    const secret = page.getByRole('status').filter({ hasText: 'Mot de passe temporaire' }).locator('code');
    await secret.waitFor();
    const ninaPassword = (await secret.innerText()).trim();
    await page.getByText('Le compte de Nina Conseillère est créé.').waitFor();
    await auditPage(page, 'admin-user-created');
    const [nina]: Array<{ roles: string[]; structure_id: string; must_change_password: boolean; status: string }> =
      await db.query('SELECT roles, structure_id, must_change_password, status FROM app_user WHERE email = $1', [
        'nina.conseillere@test.passerelle.fr',
      ]);
    expect(nina).toEqual({
      roles: ['coach'],
      structure_id: org.structures.lille,
      must_change_password: true,
      status: 'active',
    });
    const session = await login(api, 'nina.conseillere@test.passerelle.fr', ninaPassword).expect(200);
    const me = await request(api.url)
      .get('/auth/me')
      .auth((session.body as { accessToken: string }).accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ displayName: 'Nina Conseillère', mustChangePassword: true });

    // A failed call says so instead of loading forever.
    await page.route(`${api.url}/structures`, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"code":"internal"}' }),
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByText(/Structures indisponibles/).waitFor();
    await page.getByText('La liste des structures n’a pas pu être chargée.').waitFor();
    await expect(page.getByText(/Chargement des structures/).count()).resolves.toBe(0);
    await adminContext.close();
  });
});
