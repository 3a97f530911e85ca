/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { totpAt } from '@passerelle/identity';
import {
  auditPage,
  createTestContext,
  launchChromium,
  login,
  seedDemoPeople,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

/**
 * A coach whose role requires a second factor (AUTH_TOTP_REQUIRED_ROLES=coach) logs in for the first
 * time: the application opens the enrolment screen and nothing else, the coach adds the key to an
 * authenticator (here: the code computed from the key shown on screen), and then reaches the portfolio.
 */
describe('second-factor enrolment at first login, in headless Chromium', () => {
  let context: TestContext;
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;
  let demo: { email: string; password: string };

  beforeAll(async () => {
    context = await createTestContext({ referential: true, env: { AUTH_TOTP_REQUIRED_ROLES: 'coach' } });
    api = await startApi(context.config);
    demo = await seedDemoPeople(api.app);
    db = api.app.get(DataSource);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('leads to the enrolment screen, refuses a wrong code beside the field, and opens the portfolio once enrolled', async () => {
    // Before enrolment the session opens nothing but enrolment (the API's rule the screen follows).
    const signedIn = await login(api, demo.email, demo.password).expect(200);
    const enrolmentToken = (signedIn.body as { accessToken: string; totpEnrolmentRequired: boolean }).accessToken;
    expect((signedIn.body as { totpEnrolmentRequired: boolean }).totpEnrolmentRequired).toBe(true);
    await request(api.url).get('/beneficiaries').auth(enrolmentToken, { type: 'bearer' }).expect(403);

    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await signInThroughForm(browserContext, api.url, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Activer la double authentification' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/double-authentification');
    // Nothing else to open until it is done.
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').count()).toBe(0);

    await page.getByRole('button', { name: 'Afficher ma clé' }).click();
    const secret = await page.locator('[data-secret]').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await auditPage(page, 'totp-enrolment');

    const code = page.getByLabel('Code à 6 chiffres affiché par l’application');
    const right = totpAt(secret!, new Date());
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Activer' }).click();
    await page.getByText('Ce code n’est pas le bon').waitFor();
    const [before] = await db.query<Array<{ totp_enabled_at: Date | null }>>(
      'SELECT totp_enabled_at FROM app_user WHERE email = $1',
      [demo.email],
    );
    expect(before.totp_enabled_at).toBeNull();

    await code.fill(totpAt(secret!, new Date()));
    await page.getByRole('button', { name: 'Activer' }).click();
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    const [after] = await db.query<Array<{ totp_enabled_at: Date | null }>>(
      'SELECT totp_enabled_at FROM app_user WHERE email = $1',
      [demo.email],
    );
    expect(after.totp_enabled_at).toBeInstanceOf(Date);
    // A reload keeps the session, now a full one.
    await page.reload();
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await browserContext.close();

    // From now on the login asks for the code.
    await login(api, demo.email, demo.password).expect(401);
  });
});
