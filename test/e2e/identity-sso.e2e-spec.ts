import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort } from '@passerelle/core';
import {
  createTestContext,
  login,
  refreshCookieOf,
  seedOrganisation,
  startApi,
  startOidcProvider,
  type LocalOidcProvider,
  type OidcTestUser,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  TEST_PASSWORD,
  withRefreshCookie,
} from '@passerelle/testing';

describe('identity: single sign-on (OpenID Connect) against a local provider', () => {
  let context: TestContext;
  let provider: LocalOidcProvider;
  let api: RunningApi;
  let org: TestOrganisation;
  const coach = { sub: 'proconnect-0001', email: 'coach.lille@test.passerelle.fr', name: 'Coach Lille' };
  const stranger = { sub: 'proconnect-0002', email: 'stranger@elsewhere.fr', name: 'Stranger' };
  // platform_staff must use a second factor here (AUTH_TOTP_REQUIRED_ROLES); `amr` is changed by the tests.
  const staff: OidcTestUser = { sub: 'proconnect-0003', email: 'staff.nord@test.passerelle.fr', name: 'Staff Nord' };
  const attacker = { sub: 'proconnect-0004', email: 'manager.nord@test.passerelle.fr', name: 'Attacker' };

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`;
    provider = await startOidcProvider({ redirectUris: [redirectUri], users: [coach, stranger, staff, attacker] });
    context = await createTestContext({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_ALLOW_INSECURE: 'true',
        AUTH_TOTP_REQUIRED_ROLES: 'platform_staff',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    api = await startApi(context.config, { port });
    org = await seedOrganisation(api);
  });

  afterAll(async () => {
    await api?.close();
    await provider?.close();
    await context?.cleanup();
  });

  /** One browser (its own cookie jar) through the whole SSO login. */
  const ssoLogin = async (user: OidcTestUser): Promise<request.Response> => {
    const browser = request.agent(api.url);
    const start = await browser.get('/auth/oidc/login').expect(302);
    const callback = await provider.loginAs(start.headers.location, user);
    return browser.get(`${callback.pathname}${callback.search}`);
  };

  const auditedLinks = async (userId: string): Promise<Array<{ actor: string; details: Record<string, unknown> }>> =>
    api.app.get(DataSource).query(
      `SELECT actor_user_id AS actor, details FROM audit_event
        WHERE subject_type = 'user' AND subject_id = $1 AND action = 'update' AND details->>'ssoLinked' = 'true'`,
      [userId],
    );

  it('logs in the account with the same verified e-mail, links it (audited once), and gives a working session', async () => {
    const response = await ssoLogin(coach);
    expect(response.status).toBe(200);
    const session = response.body as { accessToken: string };
    const me = await request(api.url).get('/auth/me').auth(session.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ id: org.users.coachLille.id, email: coach.email, ssoLinked: true });
    // The refresh token only in the HttpOnly cookie, as for a password login.
    expect(response.body).not.toHaveProperty('refreshToken');
    await withRefreshCookie(api, '/auth/refresh', refreshCookieOf(response)).expect(200);
    // Second time, found by the provider's subject.
    expect((await ssoLogin(coach)).status).toBe(200);
    expect(await auditedLinks(org.users.coachLille.id)).toEqual([
      {
        actor: org.users.coachLille.id,
        details: expect.objectContaining({ fields: ['sso'], issuer: `${provider.issuer}`, subject: coach.sub }),
      },
    ]);
  });

  it('ends the web application’s SSO on its login page with a one-time code, never the tokens', async () => {
    const methods = await request(api.url).get('/auth/methods').expect(200);
    expect(methods.body).toEqual({ password: true, sso: true });
    const webLogin = async (user: OidcTestUser): Promise<URL> => {
      const browser = request.agent(api.url);
      const start = await browser.get('/auth/oidc/web-login').expect(302);
      const cookies = start.headers['set-cookie'] as unknown as string[];
      expect(cookies).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^passerelle_oidc_state=[\w-]+; Max-Age=600; Path=\/auth\/oidc; Expires=.*; HttpOnly; SameSite=Lax$/,
          ),
          expect.stringMatching(/^passerelle_web_sso=1; .*Path=\/auth\/oidc; .*HttpOnly; SameSite=Lax$/),
        ]),
      );
      const callback = await provider.loginAs(start.headers.location, user);
      const back = await browser.get(`${callback.pathname}${callback.search}`).expect(302);
      return new URL(back.headers.location, api.url);
    };
    const landing = await webLogin(coach);
    expect(landing.pathname).toBe('/app/connexion');
    const code = landing.searchParams.get('sso')!;
    expect(landing.toString()).not.toMatch(/accessToken|refreshToken|eyJ/);
    const exchange = () => request(api.url).post('/auth/oidc/exchange').set('X-Requested-With', 'passerelle-web');
    const session = await exchange().send({ code }).expect(200);
    // The session kept under the code comes back whole: the user it names and the refresh cookie.
    expect(session.body).toMatchObject({ user: { id: org.users.coachLille.id, email: coach.email, ssoLinked: true } });
    expect(session.headers['set-cookie']?.toString()).toMatch(/passerelle_refresh=[^;]+;/);
    await request(api.url)
      .get('/auth/me')
      .auth((session.body as { accessToken: string }).accessToken, { type: 'bearer' })
      .expect(200);
    // Once only.
    await exchange().send({ code }).expect(401);
    // An identity without an account lands on the login page with the reason.
    const refused = await webLogin(stranger);
    expect(refused.searchParams.get('sso_error')).toBe('auth.sso_unknown_user');
  });

  it('refuses an identity with no Passerelle account: the SSO never creates accounts', async () => {
    const response = await ssoLogin(stranger);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth.sso_unknown_user' });
  });

  it('refuses a callback whose state was not issued here, or was already used', async () => {
    const forged = await request(api.url).get('/auth/oidc/callback?code=abc&state=forged').expect(401);
    expect(forged.body).toMatchObject({ code: 'auth.sso_state_invalid' });
    const browser = request.agent(api.url);
    const start = await browser.get('/auth/oidc/login').expect(302);
    const callback = await provider.loginAs(start.headers.location, coach);
    await browser.get(`${callback.pathname}${callback.search}`).expect(200);
    await browser.get(`${callback.pathname}${callback.search}`).expect(401);
  });

  describe('attacks', () => {
    it('login CSRF: the attacker’s callback (their state and code) opened in the victim’s browser is refused', async () => {
      // The attacker starts a login in their own browser and stops at the callback URL.
      const attackerBrowser = request.agent(api.url);
      const start = await attackerBrowser.get('/auth/oidc/web-login').expect(302);
      const attackerCallback = await provider.loginAs(start.headers.location, attacker);
      // The victim's browser, lured to that URL, even with an SSO login of its own under way.
      const victimBrowser = request.agent(api.url);
      await victimBrowser.get('/auth/oidc/web-login').expect(302);
      const landing = await victimBrowser.get(`${attackerCallback.pathname}${attackerCallback.search}`).expect(302);
      const target = new URL(landing.headers.location, api.url);
      expect(target.searchParams.get('sso_error')).toBe('auth.sso_state_invalid');
      expect(target.searchParams.get('sso')).toBeNull();
      // Without any cookie (the JSON flow): refused too, and no session cookie is set.
      const bare = await request(api.url).get(`${attackerCallback.pathname}${attackerCallback.search}`).expect(401);
      expect(bare.body).toMatchObject({ code: 'auth.sso_state_invalid' });
      expect(String(bare.headers['set-cookie'] ?? '')).not.toMatch(/passerelle_refresh=[^;]/);
    });

    it('refuses an SSO login without a proven second factor to a role that requires one, and links nothing', async () => {
      staff.amr = ['pwd'];
      const refused = await ssoLogin(staff);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'auth.sso_second_factor_required' });
      expect(String(refused.headers['set-cookie'] ?? '')).not.toMatch(/passerelle_refresh=[^;]/);
      expect(await auditedLinks(org.users.staffNord.id)).toEqual([]);
      const linked = await api.app
        .get(DataSource)
        .query<[{ subject: string | null }]>('SELECT oidc_subject AS subject FROM app_user WHERE id = $1', [
          org.users.staffNord.id,
        ]);
      expect(linked[0].subject).toBeNull();
    });

    it('accepts the SSO’s own second factor (amr mfa) for that role, refresh included; the password login of the now linked account still needs TOTP', async () => {
      staff.amr = ['pwd', 'otp', 'mfa'];
      const response = await ssoLogin(staff);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ totpEnrolmentRequired: false });
      const { accessToken } = response.body as { accessToken: string };
      await request(api.url).get('/structures').auth(accessToken, { type: 'bearer' }).expect(200);
      const refreshed = await withRefreshCookie(api, '/auth/refresh', refreshCookieOf(response)).expect(200);
      expect(refreshed.body).toMatchObject({ totpEnrolmentRequired: false });
      expect(await auditedLinks(org.users.staffNord.id)).toHaveLength(1);

      // The attack: the same account by password, skipping the second factor because it is SSO-linked.
      const byPassword = await login(api, staff.email, TEST_PASSWORD).expect(200);
      expect(byPassword.body).toMatchObject({ totpEnrolmentRequired: true });
      const blocked = await request(api.url)
        .get('/structures')
        .auth((byPassword.body as { accessToken: string }).accessToken, { type: 'bearer' })
        .expect(403);
      expect(blocked.body).toMatchObject({ code: 'auth.totp_enrolment_required' });
    });
  });
});
