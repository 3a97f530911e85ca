/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { addDays, parisToday } from '@passerelle/coaching';
import type { CandidateCard } from '@passerelle/mediation';
import {
  as as asUser,
  createTestContext,
  launchChromium,
  personValidatedCard,
  pngImage,
  seedOrganisation,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  type TestUser,
} from '@passerelle/testing';

const today = parisToday();
const BARRIER_CANARY = 'Canari-frein-dette-7731';
const HEALTH_CANARY = 'Canari-sante-lombalgie-7731';

/**
 * The employer's card page in a real browser: what a person's eyes get, rendered (text, image,
 * layout on a phone, print), not the HTML source alone.
 */
describe('the candidate card page in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let browser: Browser;
  let beneficiaryId: string;
  let introductionId: string;
  let cardUrl: string;
  let card: CandidateCard;

  const as = (user: TestUser) => asUser(api, user);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    const staff = as(org.users.staffNord);
    const coach = as(org.users.coachLille);
    const employer = await staff
      .post('/employers', { name: 'Boulangerie du Beffroi', commune: { inseeCode: '59350' } })
      .expect(201);
    const analysis = await staff
      .post(`/employers/${(employer.body as { id: string }).id}/job-analyses`, {
        title: 'Vendeur en boulangerie',
        romeCode: 'D1106',
        tasks: ['Accueillir les clients'],
        tools: [],
        initialRequirements: ['CAP'],
        realRequirements: ['Ponctualité'],
        negotiatedAway: ['CAP'],
        contractType: 'CDI',
        workingTime: 'part_time',
        analysedOn: today,
        publish: true,
      })
      .expect(201);
    const offerId = (analysis.body as { offerId: string }).offerId;

    const created = await coach
      .post('/beneficiaries', {
        firstName: 'Nadia',
        lastName: 'Confidentiel',
        email: 'nadia.confidentiel@example.org',
        phone: '06 11 22 33 44',
        commune: { inseeCode: '59350' },
        orientationDate: addDays(today, -40),
      })
      .expect(201);
    beneficiaryId = (created.body as { id: string }).id;
    await coach
      .put(`/beneficiaries/${beneficiaryId}/diagnostic`, {
        experiences: [{ romeCode: 'D1106', months: 30 }],
        skills: [],
        desiredOccupations: ['D1106'],
        drivingLicence: true,
        vehicle: false,
        maxDistanceKm: 15,
        contractTypes: ['cdi'],
        workingTime: 'any',
        constraints: [],
        availabilityDate: addDays(today, 7),
        languages: [{ code: 'fr', level: 'native' }],
      })
      .expect(200);
    await coach
      .post(`/beneficiaries/${beneficiaryId}/barriers`, {
        kind: 'debt',
        status: 'identified',
        description: BARRIER_CANARY,
      })
      .expect(201);
    await coach
      .post(`/beneficiaries/${beneficiaryId}/barriers`, {
        kind: 'health',
        status: 'identified',
        healthNote: HEALTH_CANARY,
      })
      .expect(201);
    for (const purpose of ['share_profile_with_employers', 'photo'])
      await coach.post(`/beneficiaries/${beneficiaryId}/consents`, { purpose }).expect(201);
    await request(api.url)
      .put(`/beneficiaries/${beneficiaryId}/photo`)
      .auth(org.users.coachLille.accessToken, { type: 'bearer' })
      .attach('photo', pngImage(240, 240), { filename: 'nadia.png', contentType: 'image/png' })
      .expect(200);
    const proposed = await coach.post('/introductions', { beneficiaryId, offerId }).expect(201);
    introductionId = (proposed.body as { id: string }).id;
    const accepted = await coach.post(`/introductions/${introductionId}/transitions`, { to: 'accepted' }).expect(200);
    card = (accepted.body as { card: CandidateCard }).card;
    await personValidatedCard(api.url, context.dataDir, org.users.coachLille, { beneficiaryId, introductionId });
    const link = await staff.post(`/introductions/${introductionId}/links`).expect(201);
    cardUrl = `${api.url}${new URL((link.body as { url: string }).url).pathname}`;

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('shows the skills, qualities and photo, and none of the welfare status, barriers, health or contact details', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(cardUrl);
    expect(response?.status()).toBe(200);
    const text = await page.locator('body').innerText();
    expect(card.skills.length).toBeGreaterThan(0);
    for (const shown of ['Nadia', 'Savoir-faire', card.headline, ...card.skills, ...card.qualities])
      expect(text).toContain(shown);
    const html = await page.content();
    for (const forbidden of [
      BARRIER_CANARY,
      HEALTH_CANARY,
      'RSA',
      'Confidentiel',
      'nadia.confidentiel@example.org',
      '06 11 22 33 44',
    ]) {
      expect(text).not.toContain(forbidden);
      expect(html).not.toContain(forbidden);
    }
    expect(text).not.toMatch(/\bRSA\b|revenu de solidarité|allocataire|bénéficiaire/i);
    // The photo was fetched through the link and decoded by the browser; the page runs no script.
    const photo = page.locator('img.photo');
    expect(await photo.getAttribute('alt')).toBe('Photo de Nadia');
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.close();
  });

  it('is readable on a phone and prints without the answer form', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    await page.goto(cardUrl);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const fontSize = await page
      .locator('li')
      .first()
      .evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(14);
    const shots = process.env.SCREENSHOTS_DIR ?? path.join(context.config.dataDir, 'screenshots');
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'card-page-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });

  it('takes the employer’s answer through the form, and says when a message is missing', async () => {
    const page = await browser.newPage();
    await page.goto(cardUrl);
    await page.getByRole('button', { name: 'Pas pour le moment' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Merci d’écrire un message');
    await page.getByLabel('Proposer un entretien').fill('Jeudi 10h à la boutique');
    await page.getByRole('button', { name: 'Je souhaite rencontrer Nadia' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toContain('bien été transmise');
    const view = await as(org.users.staffNord).get(`/introductions/${introductionId}`).expect(200);
    const body = view.body as { status: string; events: Array<{ kind: string; details: Record<string, unknown> }> };
    expect(body.status).toBe('employer_interested');
    expect(body.events.filter((event) => event.kind === 'answered')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ proposedInterview: 'Jeudi 10h à la boutique' }) }),
    ]);
    await page.close();
  });

  it('says the profile is no longer shared once the consent is revoked, and the photo is gone', async () => {
    await as(org.users.coachLille)
      .delete(`/beneficiaries/${beneficiaryId}/consents/share_profile_with_employers`)
      .expect(200);
    const page = await browser.newPage();
    const response = await page.goto(cardUrl);
    expect(response?.status()).toBe(410);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Ce profil n’est plus partagé.');
    expect(text).not.toContain('Nadia');
    const photo = await page.goto(`${cardUrl}/photo`);
    expect(photo?.status()).toBe(404);
    await page.close();
  });
});
