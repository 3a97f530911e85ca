/// <reference lib="dom" />
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import {
  auditPage,
  createTestContext,
  launchChromium,
  pngImage,
  login,
  seedOrganisation,
  signInThroughForm,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  ingestDemoBoards,
  seedDemoPeople,
  syncOffersIndex,
  JOURNEY_BOARDS,
  acceptAndSendCardLink,
  personValidatedCard,
} from '@passerelle/testing';

/**
 * The web application in a real browser, on the demo data: a coach logs in, opens a person, reads
 * explained matches, proposes an offer, opens an introduction and sees the employer's answer; a
 * manager reads the indicators. Every screen passes axe-core without a serious or critical
 * violation; with SCREENSHOTS_DIR set, each is photographed at desktop and phone width.
 */
describe('the web application in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let sources: DemoSources;
  let browser: Browser;
  let demo: { email: string; password: string; managerEmail: string; mediatorEmail: string };
  let offerId: string;
  let adminEmail: string;
  const timings: Record<string, number> = {};
  const audited: string[] = [];

  const audit = async (page: Page, name: string): Promise<void> => {
    await auditPage(page, name);
    audited.push(name);
  };

  const signIn = (browserContext: BrowserContext, email: string, password: string): Promise<Page> =>
    signInThroughForm(browserContext, api.url, email, password);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    // The demo's France Travail imitation: offers around the demo people, as `npm start` ingests them.
    sources = await startDemoSources(JOURNEY_BOARDS);
    api = await startApi(context.config);
    await ingestDemoBoards(api.app, sources, ['france-travail-demo']);
    const org = await seedOrganisation(api);
    const portfolio = await seedDemoPeople(api.app);
    demo = portfolio;
    // A mediator of the demo département captures an offer near Nadia (Lille, cleaning: K2205).
    const signedIn = await login(api, portfolio.mediatorEmail, portfolio.password).expect(200);
    const mediator = { accessToken: (signedIn.body as { accessToken: string }).accessToken };
    const db = api.app.get(DataSource);
    const employers: Array<{ id: string }> = await db.query(
      `SELECT id FROM employer WHERE name = 'Propreté Services Nord'`,
    );
    const employerId = employers[0].id;
    const analysis = await request(api.url)
      .post(`/employers/${employerId}/job-analyses`)
      .auth(mediator.accessToken, { type: 'bearer' })
      .send({
        title: 'Agent de propreté des locaux',
        romeCode: 'K2204',
        tasks: ['Nettoyer les bureaux', 'Vider les corbeilles'],
        schedule: 'Du lundi au vendredi, 9h-15h',
        tools: ['autolaveuse'],
        initialRequirements: ['CAP agent de propreté'],
        realRequirements: ['Sens du travail bien fait'],
        negotiatedAway: ['CAP agent de propreté'],
        contractType: 'CDI',
        workingTime: 'part_time',
        analysedOn: parisToday(),
        publish: true,
      })
      .expect(201);
    offerId = (analysis.body as { offerId: string }).offerId;
    await syncOffersIndex(api.app);
    adminEmail = org.admin.email;
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Measured, not asserted (speed is the benchmarks' business): written beside their results.
    if (Object.keys(timings).length > 0) {
      // The web bench writes its page timings into the same file (`web`): they stay.
      await mkdir('bench-results', { recursive: true });
      const file = path.join('bench-results', 'web.json');
      const previous = (await readFile(file, 'utf8').then(
        (text) => JSON.parse(text) as Record<string, unknown>,
        () => ({}),
      )) as Record<string, unknown>;
      await writeFile(
        file,
        `${JSON.stringify({ ...previous, measuredAt: new Date().toISOString(), timings, audited }, null, 2)}\n`,
      );
    }
    await browser?.close();
    await api?.close();
    await sources?.close();
    await context?.cleanup();
  });

  it('a coach logs in, opens a person, reads explained matches, proposes an offer and opens an introduction that the employer answers', async () => {
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await coachContext.newPage();
    await page.goto(`${api.url}/app/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/connexion');
    await audit(page, 'login');
    await page.getByLabel('Adresse e-mail').fill(demo.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill(demo.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();

    // First load of the portfolio, as a returning coach opens it: from navigation to the rows.
    const started = Date.now();
    await page.goto(`${api.url}/app/portefeuille`);
    await page.getByRole('link', { name: /Nadia Exemple/ }).waitFor();
    timings.portfolioFirstLoadMs = Date.now() - started;
    const rows = await page.locator('table tbody tr').count();
    expect(rows).toBe(12);
    await audit(page, 'portfolio');

    await page.getByRole('link', { name: /Nadia Exemple/ }).click();
    await page.getByRole('heading', { name: 'Nadia Exemple' }).waitFor();
    await audit(page, 'person');
    // Nadia consents to her profile being shared (her card will leave the service).
    const consentItem = page.locator('li', { hasText: 'Partager sa fiche avec des employeurs' });
    if (await consentItem.getByRole('button', { name: 'Enregistrer' }).isVisible())
      await consentItem.getByRole('button', { name: 'Enregistrer' }).click();
    await consentItem.getByText(/donné le/).waitFor();
    // And to a photo: the coach uploads one (its metadata stripped), which her card will show.
    const photoConsent = page.locator('li', { hasText: 'Photo sur la fiche' });
    await photoConsent.getByRole('button', { name: 'Enregistrer' }).click();
    await photoConsent.getByText(/donné le/).waitFor();
    await page.getByLabel(/Choisir une photo/).setInputFiles({
      name: 'nadia.png',
      mimeType: 'image/png',
      buffer: pngImage(200, 200, 'GPS canary'),
    });
    await page.getByRole('img', { name: 'Photo de Nadia' }).waitFor();

    await page.getByRole('link', { name: 'Voir les offres correspondantes' }).click();
    await page.getByRole('heading', { name: 'Offres correspondantes' }).waitFor();
    const match = page.locator('li.match', { hasText: 'Agent de propreté des locaux' });
    await match.waitFor();
    await match.getByText('Pourquoi cette offre').click();
    await expect(match.getByText('Compétences en commun').isVisible()).resolves.toBe(true);
    await expect(match.locator('.score').innerText()).resolves.toMatch(/^\d+$/);
    await audit(page, 'matches');
    // On a phone the map goes under the list, as wide as it (side by side it was a 40-pixel strip).
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    const list = await page.locator('ol.match-list').boundingBox();
    const map = await page.locator('.matches-layout > figure').boundingBox();
    expect(list && map && map.y >= list.y + list.height && map.width >= 300).toBe(true);
    if (desktop) await page.setViewportSize(desktop);
    await match.getByRole('button', { name: /^Proposer l’offre/ }).click();
    await page
      .getByRole('status')
      .getByText(/proposée/)
      .first()
      .waitFor();
    await match.getByRole('button', { name: /^Mettre en relation/ }).click();
    await page.waitForURL(/\/app\/mises-en-relation\//);
    const introductionUrl = page.url();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await audit(page, 'introduction');

    // Nadia accepts: her card is built; the coach sends the link (no e-mail) and gives it to the employer.
    const coachToken = (await login(api, demo.email, demo.password).expect(200)).body as { accessToken: string };
    const cardUrl = await acceptAndSendCardLink(page, (introductionId) =>
      personValidatedCard(api.url, context.dataDir, coachToken, { introductionId }),
    );

    const employer = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const card = await employer.newPage();
    await card.goto(`${api.url}${cardUrl.pathname}`);
    await card.getByRole('heading', { level: 1, name: 'Nadia' }).waitFor();
    expect(
      await card.getByRole('img', { name: 'Photo de Nadia' }).evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(200);
    expect(await card.locator('body').innerText()).not.toMatch(/RSA|Exemple|garde le mercredi/);
    await card.getByLabel(/Proposer un entretien/).fill('Jeudi 10h, à l’atelier');
    await card.getByRole('button', { name: 'Je souhaite rencontrer Nadia' }).click();
    await card.getByRole('status').getByText('bien été transmise').waitFor();
    await employer.close();

    // Back on the introduction: the employer's answer is there, and the status moved on.
    await page.goto(introductionUrl);
    const main = page.locator('main');
    await main.getByText('Jeudi 10h, à l’atelier').first().waitFor();
    await expect(main.innerText()).resolves.toContain('Employeur intéressé');

    // The interview at the workplace, then the hire and its contract: the placement and its checkpoints.
    const tomorrow = addDays(parisToday(), 1);
    await page.getByRole('button', { name: 'Fixer un entretien' }).click();
    await page.getByLabel(/Date et heure de l’entretien/).fill(`${tomorrow}T10:00`);
    await page.getByLabel(/Lieu de l’entretien/).fill('Agence de Lille, 3 rue Nationale');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Étape enregistrée').waitFor();
    await page.getByRole('button', { name: 'Embauche' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    const hire = page.getByRole('form', { name: 'Enregistrer l’embauche' });
    await hire.waitFor();
    await hire.getByRole('button', { name: /Type de contrat/ }).click();
    await page.getByRole('option', { name: 'CDD' }).click();
    await hire.getByLabel(/Durée du contrat/).fill('7');
    await hire.getByLabel(/Heures par semaine/).fill('26');
    await hire.getByLabel(/Date de début/).fill(tomorrow);
    await hire.getByRole('button', { name: 'Enregistrer l’embauche' }).click();
    const hired = page.getByText(/Embauche enregistrée/);
    await hired.waitFor();
    await expect(hired.innerText()).resolves.toMatch(
      /CDD de 7 mois, 26 h par semaine, à partir du .*\(emploi durable\)\. Suivis prévus/,
    );
    await coachContext.close();
    void offerId;
  });

  it('the coach’s other screens: a CER signed from the file, follow-up tasks and offers', async () => {
    const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(coachContext, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    // Julien has no CER yet: the coach records the signed one, and its outcome form replaces the form.
    await page.getByRole('link', { name: /Julien Imaginaire/ }).click();
    const cer = page.locator('section', {
      has: page.getByRole('heading', { name: 'Contrat d’engagements réciproques' }),
    });
    await cer.getByText('Pas encore de CER signé.').waitFor();
    await cer
      .getByLabel(/Engagements de la personne/)
      .fill('Venir aux ateliers CV\n\nPostuler à deux offres par semaine');
    await cer.getByRole('button', { name: 'Enregistrer le CER' }).click();
    await cer.getByText('Venir aux ateliers CV ; Postuler à deux offres par semaine').waitFor();
    await expect(cer.getByText(/\(3 mois\)/).isVisible()).resolves.toBe(true);
    await expect(cer.getByRole('button', { name: 'Enregistrer l’issue' }).isVisible()).resolves.toBe(true);
    await expect(cer.getByRole('button', { name: 'Enregistrer le CER' }).count()).resolves.toBe(0);
    // His diagnostic, edited as a whole: labels from the referential, a wanted occupation added, night work excluded.
    const diagnostic = page.locator('section', { has: page.getByRole('heading', { name: 'Diagnostic', exact: true }) });
    await expect(diagnostic.innerText()).resolves.toMatch(/[a-zé]+ \(G1603\) — 12 mois/);
    await diagnostic.getByRole('button', { name: 'Modifier le diagnostic' }).click();
    await diagnostic.getByRole('button', { name: 'Enregistrer le diagnostic' }).waitFor();
    await audit(page, 'diagnostic');
    // The suggestions once the referential answered; picked with the keyboard (a click can land while the
    // popover still moves into place on a busy machine).
    const suggested = page.waitForResponse((response) => response.url().includes('/referential/occupations?q=servic'));
    const adder = diagnostic.getByRole('combobox', { name: 'Ajouter un métier visé' });
    // Centred first, as a coach scrolls to a field: at the window's bottom edge the list opens upwards.
    await adder.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await adder.fill('servic');
    await suggested;
    const option = page.getByRole('option').first();
    await option.waitFor();
    const occupation = (await option.innerText()).trim();
    expect(occupation).toMatch(/\([A-N]\d{4}\)$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await diagnostic.getByRole('button', { name: `Retirer ${occupation}` }).waitFor();
    await diagnostic.getByRole('checkbox', { name: 'pas de nuit' }).check({ force: true });
    await diagnostic.getByLabel('Distance maximale (km)').fill('35');
    await diagnostic.getByRole('button', { name: /Langue à ajouter/ }).click();
    await page.getByRole('option', { name: 'anglais' }).click();
    await diagnostic.getByRole('button', { name: /Niveau/ }).click();
    await page.getByRole('option', { name: 'A2 — intermédiaire' }).click();
    await diagnostic.getByRole('button', { name: 'Ajouter la langue' }).click();
    await diagnostic.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await page.getByText('Diagnostic enregistré.').waitFor();
    const saved = await diagnostic.innerText();
    expect(saved).toContain(occupation);
    expect(saved).toContain('pas de nuit');
    expect(saved).toContain('35 km');
    expect(saved).toContain('anglais (A2)');
    // Julien moves away: the coach ends the coaching (a confirmation first), and his running CER closes with it.
    await page.getByText('Terminer l’accompagnement').click();
    const closure = page.getByRole('form', { name: 'Terminer l’accompagnement' });
    await closure.getByRole('button', { name: 'Enregistrer la fin de l’accompagnement' }).click();
    await closure.getByText('Choisissez le motif de sortie.').waitFor();
    await closure.getByRole('button', { name: /Motif de sortie/ }).click();
    await page.getByRole('option', { name: 'Déménagement' }).click();
    await closure.getByRole('button', { name: 'Enregistrer la fin de l’accompagnement' }).click();
    await closure.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Accompagnement terminé.').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('accompagnement terminé');
    await expect(cer.getByRole('button', { name: 'Enregistrer l’issue' }).count()).resolves.toBe(0);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    // Leïla found a job on her own: the coach records it (its checkpoints follow), then its early end.
    await nav.getByRole('link', { name: 'Portefeuille' }).click();
    await page.getByRole('link', { name: /Leïla Maquette/ }).click();
    const jobs = page.locator('section', { has: page.getByRole('heading', { name: 'Emplois', exact: true }) });
    await jobs.getByText('Aucun emploi enregistré.').waitFor();
    await jobs.getByRole('button', { name: 'Enregistrer un emploi trouvé hors mise en relation' }).click();
    await jobs.getByRole('button', { name: 'Enregistrer l’emploi' }).click();
    await jobs.getByText('Indiquez l’employeur.').waitFor();
    await jobs.getByLabel(/^Employeur/).fill('Aide à domicile Martin');
    await jobs.getByRole('button', { name: /Type de contrat/ }).click();
    await page.getByRole('option', { name: 'CDD' }).click();
    await jobs.getByLabel(/Durée du contrat/).fill('3');
    await jobs.getByLabel(/Heures par semaine/).fill('24,5');
    await jobs.getByLabel(/Date de début/).fill(parisToday());
    await jobs.getByRole('button', { name: 'Enregistrer l’emploi' }).click();
    await page.getByText(/Emploi enregistré/).waitFor();
    const job = await jobs.innerText();
    expect(job).toMatch(/Aide à domicile Martin — CDD de 3 mois, 24,5 h par semaine/);
    expect(job).toContain('trouvé par la personne seule');
    expect(job).toContain('courte durée');
    expect(job).toMatch(/M\+1 le/);
    await jobs.getByRole('button', { name: 'Fin du contrat chez Aide à domicile Martin' }).click();
    await jobs.getByLabel(/Terminé le/).fill(parisToday());
    await jobs.getByRole('button', { name: /Motif/ }).click();
    await page.getByRole('option', { name: 'Fin de période d’essai' }).click();
    await jobs.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await page.getByText('Fin de contrat enregistrée.').waitFor();
    await expect(jobs.innerText()).resolves.toContain('(Fin de période d’essai)');
    await audit(page, 'jobs');
    // Bruno's CER comes to its end and is renewed with the commitments in force (the next one starts then).
    const cerOf = () =>
      page.locator('section', { has: page.getByRole('heading', { name: 'Contrat d’engagements réciproques' }) });
    const commitments = async () => (await cerOf().locator('dd').nth(2).innerText()).trim();
    await nav.getByRole('link', { name: 'Portefeuille' }).click();
    await page.getByRole('link', { name: /Bruno Prototype/ }).click();
    await cerOf().getByRole('button', { name: 'Enregistrer l’issue' }).waitFor();
    const before = await commitments();
    const period = await cerOf().locator('dd').nth(1).innerText();
    expect(before).not.toBe('—');
    await cerOf().getByRole('button', { name: 'Enregistrer l’issue' }).click();
    await page.getByText('Issue du CER enregistrée.').waitFor();
    expect(await cerOf().locator('dd').nth(1).innerText()).not.toBe(period);
    expect(await commitments()).toBe(before);
    // Karim leaves for a job: the CER's outcome ends his coaching.
    await nav.getByRole('link', { name: 'Portefeuille' }).click();
    await page.getByRole('link', { name: /Karim Démo/ }).click();
    await cerOf()
      .getByRole('button', { name: /Issue du CER/ })
      .click();
    await page.getByRole('option', { name: 'Sortie vers l’emploi' }).click();
    await cerOf().getByRole('button', { name: 'Enregistrer l’issue' }).click();
    await page.getByText('Issue du CER enregistrée.').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('accompagnement terminé');
    await nav.getByRole('link', { name: 'Portefeuille' }).click();
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await nav.getByRole('link', { name: 'Suivis' }).click();
    await page.getByRole('heading', { level: 1, name: /Suivis/ }).waitFor();
    await page
      .getByText(/M\+[136]/)
      .first()
      .waitFor();
    await audit(page, 'follow-ups');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Offres' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offres d’emploi' }).waitFor();
    await audit(page, 'offers');
    await page.goto(`${api.url}/app/offres/${offerId}`);
    await page.getByRole('heading', { level: 1, name: 'Agent de propreté des locaux' }).waitFor();
    await audit(page, 'offer');
    await coachContext.close();
  });

  it('a mediator sees every introduction of their structure on the board and finds an employer by name', async () => {
    const mediatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(mediatorContext, demo.mediatorEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    // The board holds the introductions PostgreSQL has for the mediator's structure (the coach's above among them).
    const stored: Array<{ first_name: string | null; employer: string }> = await api.app.get(DataSource).query(
      `SELECT n.card ->> 'firstName' AS first_name, e.name AS employer FROM introduction n
       JOIN employer e ON e.id = n.employer_id JOIN beneficiary b ON b.id = n.beneficiary_id
       JOIN app_user u ON u.email = $1
       WHERE n.structure_id = u.structure_id AND b.erased_at IS NULL`,
      [demo.mediatorEmail],
    );
    expect(stored.length).toBeGreaterThan(0);
    const board = page.getByRole('region', { name: 'Mises en relation par étape' });
    await board.waitFor();
    await expect(board.locator('li.board-card').count()).resolves.toBe(stored.length);
    const shown = await board.innerText();
    for (const introduction of stored) {
      expect(shown).toContain(introduction.employer);
      if (introduction.first_name) expect(shown).toContain(introduction.first_name);
    }
    await audit(page, 'mediation');
    // The employers' search narrows the list to the one named.
    const employers = page.getByRole('region', { name: 'Employeurs', exact: true });
    await employers.getByRole('heading', { level: 3, name: 'Propreté Services Nord' }).waitFor();
    const search = page.getByRole('search', { name: 'Rechercher un employeur' });
    await search.getByLabel('Rechercher un employeur').fill('Beffroi');
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await employers.getByRole('heading', { level: 3, name: 'Propreté Services Nord' }).waitFor({ state: 'detached' });
    await expect(employers.getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual([
      'Boulangerie du Beffroi',
    ]);
    await mediatorContext.close();
  });

  it('a manager sees the indicators against their targets, with numerators and denominators', async () => {
    const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(managerContext, demo.managerEmail, demo.password);
    await page.getByRole('heading', { level: 1, name: 'Indicateurs du programme' }).waitFor();
    await page.getByRole('button', { name: 'Afficher les indicateurs' }).click();
    await page.getByText('Retour à l’activité ou à l’emploi').first().waitFor();
    // The demo's past months: six files ended, five back in activity (four jobs, one training); and two ended
    // above: Julien (he moved away) and Karim (a job): six out of eight.
    const returned = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Retour à l’activité ou à l’emploi' }),
    });
    const card = await returned.innerText();
    expect(card).toMatch(/75\s*%/);
    expect(card).toContain('Objectif atteint');
    expect(card).toMatch(/\b6\b[\s\S]*\b8\b/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Sortie du RSA liée à l’emploi à M\+1/);
    await audit(page, 'indicators');
    await managerContext.close();
  });

  it('an administrator manages accounts, structures and the settings in force', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signIn(adminContext, adminEmail, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByText(demo.managerEmail).first().waitFor();
    const cap = page.locator('li', { has: page.getByRole('heading', { name: 'Plafond de portefeuille' }) });
    await cap.getByText('40 personnes').first().waitFor();
    await audit(page, 'admin');
    // Out of bounds: refused in French on the field; within them: in force at once, and can be undone.
    const field = cap.getByLabel(/Nouvelle valeur/);
    for (const wrong of ['900', '']) {
      await field.fill(wrong);
      await cap.getByRole('button', { name: 'Enregistrer' }).click();
      await cap.getByText('Indiquez un nombre entier de 1 à 500.').waitFor();
    }
    await expect(cap.getByText(/modifié le/).count()).resolves.toBe(0);
    await field.fill('35');
    await cap.getByRole('button', { name: 'Enregistrer' }).click();
    await cap.getByText('Réglage enregistré.').waitFor();
    await expect(cap.getByText(/modifié le/).isVisible()).resolves.toBe(true);
    const stored: Array<{ value: number }> = await api.app
      .get(DataSource)
      .query(`SELECT value FROM app_setting WHERE key = 'coaching.portfolio_cap'`);
    expect(stored).toEqual([{ value: 35 }]);
    await cap.getByRole('button', { name: 'Revenir à la valeur de l’environnement' }).click();
    await cap.getByText('Valeur de l’environnement rétablie.').waitFor();
    await expect(cap.getByText(/modifié le/).count()).resolves.toBe(0);
    await adminContext.close();
  });
});
