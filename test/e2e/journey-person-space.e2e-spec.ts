/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  acceptAndSendCardLink,
  auditPage,
  createTestContext,
  diagnosedPerson,
  launchChromium,
  publishedOffer,
  seedOrganisation,
  signInThroughForm,
  spaceTokenMailedTo,
  startApi,
  syncOffersIndex,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  TEST_PASSWORD,
} from '@passerelle/testing';

jest.setTimeout(240_000);

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'fr-FR', timezoneId: 'Europe/Paris', isMobile: true };
const DESK = { viewport: { width: 1280, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' };
const EMAIL = 'lea.martin@exemple.fr';
const WANTED = 'Vendeur en boulangerie';
const NOT_WANTED = 'Vendeur en pâtisserie';
const REASON = 'Je ne peux pas travailler le dimanche.';

/**
 * Issue 22's journey: the coach proposes two offers from the matches page → sends the space link from
 * the person's file (refused in French while there is no channel, then sent by e-mail) → the person
 * opens the link on a 390-px phone, says one offer interests her and the other is not for her, with a
 * reason → the coach reads both answers on the file and introduces her for the first → the person
 * validates her card in her space → the coach sends the card to the employer. Each screen passes axe;
 * each step is checked on screen and in PostgreSQL.
 */
describe('journey: two offers proposed, answered in the person’s space on a phone, the card validated then sent', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let org: TestOrganisation;
  let personId: string;
  const offers: Record<string, string> = {};

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    const staff = org.users.staffNord.accessToken;
    const employer = await request(api.url)
      .post('/employers')
      .auth(staff, { type: 'bearer' })
      .send({ name: 'Boulangerie Lemaire', commune: { inseeCode: '59350' } })
      .expect(201);
    const employerId = (employer.body as { id: string }).id;
    await request(api.url)
      .post(`/employers/${employerId}/contacts`)
      .auth(staff, { type: 'bearer' })
      .send({ name: 'M. Lemaire', email: 'recrutement@lemaire.example' })
      .expect(201);
    for (const title of [WANTED, NOT_WANTED])
      offers[title] = await publishedOffer(api.url, org.users.staffNord, employerId, title, 'D1106');
    personId = await diagnosedPerson(api.url, org.users.coachLille, 'Léa', {
      romeCode: 'D1106',
      contractTypes: ['cdi'],
    });
    await request(api.url)
      .post(`/beneficiaries/${personId}/consents`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .send({ purpose: 'share_profile_with_employers' })
      .expect(201);
    await syncOffersIndex(api.app);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('propose two offers → send the space link → interested in one, not the other → card validated → sent to the employer', async () => {
    // 1. The coach proposes both offers from the matches page; each proposal carries why it fits.
    const coachContext = await browser.newContext(DESK);
    const coach = await signInThroughForm(coachContext, api.url, 'coach.lille@test.passerelle.fr', TEST_PASSWORD);
    await coach.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await coach.goto(`${api.url}/app/personnes/${personId}/offres`);
    await coach.getByRole('heading', { name: 'Offres correspondantes' }).waitFor();
    for (const title of [WANTED, NOT_WANTED]) {
      await coach.getByRole('button', { name: `Proposer l’offre ${title}` }).click();
      await coach.getByRole('status').getByText(`Offre « ${title} » proposée.`).waitFor();
    }
    await auditPage(coach, 'journey-person-space-proposed');
    const proposals: Array<{ offer_id: string; explanation: string[] }> = await db.query(
      'SELECT offer_id, explanation FROM offer_proposal WHERE beneficiary_id = $1',
      [personId],
    );
    expect(proposals.map((row) => row.offer_id).sort()).toEqual(Object.values(offers).sort());
    for (const row of proposals) expect(row.explanation).toContain('Contrat : CDI, un contrat que vous acceptez.');

    // 2. From the file: no address yet, the reason in French; then an e-mail and her consent, and the link leaves.
    await coach.goto(`${api.url}/app/personnes/${personId}`);
    const space = coach.locator('section', { has: coach.getByRole('heading', { level: 2, name: 'Espace personnel' }) });
    await space.getByText('Aucun lien en cours.').waitFor();
    await space.getByRole('button', { name: 'Envoyer le lien de l’espace' }).click();
    await space
      .getByRole('alert')
      .getByText(
        'Le lien part par SMS ou par e-mail : il faut un téléphone ou une adresse au dossier, et l’accord de la personne pour ce canal.',
        { exact: true },
      )
      .waitFor();
    await auditPage(coach, 'journey-person-space-no-channel');
    await request(api.url)
      .patch(`/beneficiaries/${personId}`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .send({ email: EMAIL })
      .expect(200);
    const emailConsent = coach.locator('li', { hasText: 'Recevoir invitations et rappels par e-mail' });
    await emailConsent.getByRole('button', { name: 'Enregistrer' }).click();
    await emailConsent.getByText(/donné le/).waitFor();
    await space.getByRole('button', { name: 'Envoyer le lien de l’espace' }).click();
    const sent = space.getByRole('list', { name: 'Envoi du lien de l’espace' });
    await sent.getByText('E-mail : envoyé').waitFor();
    await expect(sent.getByText(/^SMS : non envoyé/).isVisible()).resolves.toBe(true);
    await space.getByText(/pas encore ouvert/).waitFor();
    await auditPage(coach, 'journey-person-space-link-sent');
    const token = await spaceTokenMailedTo(context.dataDir, EMAIL);
    await expect(coach.content()).resolves.not.toContain(token);
    const links: Array<{ revoked_at: Date | null }> = await db.query(
      'SELECT revoked_at FROM person_space_link WHERE beneficiary_id = $1',
      [personId],
    );
    expect(links).toEqual([{ revoked_at: null }]);

    // 3. The person, on her phone: the two offers and why each fits; one interests her, the other not.
    const phoneContext = await browser.newContext(PHONE);
    const person: Page = await phoneContext.newPage();
    await person.goto(`${api.url}/espace/${token}`);
    await person.getByText('Bonjour Léa').first().waitFor();
    await auditPage(person, 'journey-person-space-home');
    const offer = (title: string) => person.locator('div.item', { has: person.getByRole('heading', { name: title }) });
    await expect(offer(WANTED).getByText('Contrat : CDI, un contrat que vous acceptez.').isVisible()).resolves.toBe(
      true,
    );
    await offer(WANTED).getByRole('button', { name: 'Ça m’intéresse' }).click();
    await person.getByText('Merci, votre conseiller·ère sait que cette offre vous intéresse.').waitFor();
    await offer(WANTED).getByText('Vous avez dit : ça m’intéresse.').waitFor();
    await offer(NOT_WANTED).getByText('Pas pour moi', { exact: true }).click();
    await offer(NOT_WANTED)
      .getByLabel(/Pourquoi/)
      .fill(REASON);
    await offer(NOT_WANTED).getByRole('button', { name: 'Envoyer : pas pour moi' }).click();
    await person.getByText('Merci, votre conseiller·ère sait que cette offre n’est pas pour vous.').waitFor();
    await offer(NOT_WANTED).getByText(`Vous avez dit : pas pour moi (« ${REASON} »).`).waitFor();
    await auditPage(person, 'journey-person-space-answered');
    const answers: Array<{ offer_id: string; answer: string; answer_reason: string | null; answered: boolean }> =
      await db.query(
        `SELECT offer_id, answer, answer_reason, answered_at IS NOT NULL AS answered
           FROM offer_proposal WHERE beneficiary_id = $1 ORDER BY answer`,
        [personId],
      );
    expect(answers).toEqual([
      { offer_id: offers[WANTED], answer: 'interested', answer_reason: null, answered: true },
      { offer_id: offers[NOT_WANTED], answer: 'not_for_me', answer_reason: REASON, answered: true },
    ]);

    // 4. The coach reads both answers on the file, and that the link was opened.
    await coach.reload();
    const answered = coach.getByRole('list', { name: 'Offres proposées et réponses de la personne' });
    await answered
      .locator('li', { hasText: WANTED })
      .getByText(/Intéressé\(e\) le/)
      .waitFor();
    const refused = answered.locator('li', { hasText: NOT_WANTED });
    await refused.getByText(/Pas pour moi le/).waitFor();
    await expect(refused.innerText()).resolves.toContain(REASON);
    await space.getByText(/ouvert sur 1 appareil/).waitFor();
    await auditPage(coach, 'journey-person-space-file-answers');

    // 5. The coach introduces her for the offer she wants; she validates her card on her phone; the card leaves.
    await coach.goto(`${api.url}/app/personnes/${personId}/offres`);
    await coach.getByRole('button', { name: `Mettre en relation pour ${WANTED}` }).click();
    await coach.waitForURL(/\/app\/mises-en-relation\//);
    await coach.getByRole('heading', { level: 1 }).waitFor();
    const cardUrl = await acceptAndSendCardLink(coach, async (introductionId) => {
      // No card link leaves before she validated her card.
      const early = await request(api.url)
        .post(`/introductions/${introductionId}/links`)
        .auth(org.users.coachLille.accessToken, { type: 'bearer' })
        .send({})
        .expect(422);
      expect(early.body).toMatchObject({ code: 'introduction.card_not_validated' });
      // The coach's screen says the card waits for her.
      await coach.getByText('En attente de validation').waitFor();
      await coach.getByText('La personne ne l’a pas encore validée dans son espace.', { exact: false }).waitFor();
      await person.goto(`${api.url}/espace/${token}`);
      const card = person.locator(`#fiche-${introductionId}`);
      await card.getByText('Elle n’est pas encore envoyée : elle attend votre accord.').waitFor();
      await auditPage(person, 'journey-person-space-card');
      await card.getByRole('button', { name: 'Je valide ma fiche' }).click();
      await person.getByText('Merci, votre fiche est validée : votre conseiller·ère peut l’envoyer.').waitFor();
      await person.locator(`#fiche-${introductionId}`).getByText('Vous avez validé cette fiche.').waitFor();
      await auditPage(person, 'journey-person-space-card-validated');
      const validations: Array<{ decision: string }> = await db.query(
        'SELECT decision FROM card_validation WHERE introduction_id = $1',
        [introductionId],
      );
      expect(validations).toEqual([{ decision: 'validated' }]);
      await coach.reload();
      const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' }).format(
        new Date(),
      );
      await coach.getByText(`Carte validée par la personne le ${today}`).waitFor();
      await auditPage(coach, 'journey-person-space-card-validated-coach');
    });
    await auditPage(coach, 'journey-person-space-card-sent');
    const introductionId = new URL(coach.url()).pathname.split('/').pop()!;
    const cardLinks: Array<{ count: number }> = await db.query(
      'SELECT count(*)::int AS count FROM card_link WHERE introduction_id = $1 AND revoked_at IS NULL',
      [introductionId],
    );
    expect(cardLinks).toEqual([{ count: 1 }]);
    const employerView = await request(api.url).get(cardUrl.pathname).expect(200);
    expect(employerView.text).toContain('Léa');

    await phoneContext.close();
    await coachContext.close();
  });
});
