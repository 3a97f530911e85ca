import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { freePort } from '@passerelle/core';
import {
  createTestContext,
  seedOrganisation,
  startApi,
  startOidcProvider,
  type LocalOidcProvider,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';

describe('identity: single sign-on (OpenID Connect) against a local provider', () => {
  let context: TestContext;
  let provider: LocalOidcProvider;
  let api: RunningApi;
  let org: TestOrganisation;
  const coach = { sub: 'proconnect-0001', email: 'coach.lille@test.passerelle.fr', name: 'Coach Lille' };
  const stranger = { sub: 'proconnect-0002', email: 'stranger@elsewhere.fr', name: 'Stranger' };

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/auth/oidc/callback`;
    provider = await startOidcProvider({ redirectUris: [redirectUri], users: [coach, stranger] });
    context = await createTestContext({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_ALLOW_INSECURE: 'true',
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

  const ssoLogin = async (user: typeof coach): Promise<request.Response> => {
    const start = await request(api.url).get('/auth/oidc/login').expect(302);
    const callback = await provider.loginAs(start.headers.location, user);
    return request(api.url).get(`${callback.pathname}${callback.search}`);
  };

  it('logs in the account with the same verified e-mail, links it, and gives a working session', async () => {
    const response = await ssoLogin(coach);
    expect(response.status).toBe(200);
    const session = response.body as { accessToken: string; refreshToken: string };
    const me = await request(api.url).get('/auth/me').auth(session.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ id: org.users.coachLille.id, email: coach.email, ssoLinked: true });
    // Second time, found by the provider's subject.
    expect((await ssoLogin(coach)).status).toBe(200);
  });

  it('ends the web application’s SSO on its login page with a one-time code, never the tokens', async () => {
    const methods = await request(api.url).get('/auth/methods').expect(200);
    expect(methods.body).toEqual({ password: true, sso: true });
    const webLogin = async (user: typeof coach): Promise<URL> => {
      const start = await request(api.url).get('/auth/oidc/web-login').expect(302);
      const cookie = start.headers['set-cookie'] as unknown as string[];
      expect(cookie[0]).toMatch(/^passerelle_web_sso=1; Path=\/auth\/oidc; HttpOnly; SameSite=Lax/);
      const callback = await provider.loginAs(start.headers.location, user);
      const back = await request(api.url)
        .get(`${callback.pathname}${callback.search}`)
        .set('Cookie', 'passerelle_web_sso=1')
        .expect(302);
      return new URL(back.headers.location, api.url);
    };
    const landing = await webLogin(coach);
    expect(landing.pathname).toBe('/app/connexion');
    const code = landing.searchParams.get('sso')!;
    expect(landing.toString()).not.toMatch(/accessToken|refreshToken|eyJ/);
    const session = await request(api.url).post('/auth/oidc/exchange').send({ code }).expect(200);
    await request(api.url)
      .get('/auth/me')
      .auth((session.body as { accessToken: string }).accessToken, { type: 'bearer' })
      .expect(200);
    // Once only.
    await request(api.url).post('/auth/oidc/exchange').send({ code }).expect(401);
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
    const start = await request(api.url).get('/auth/oidc/login').expect(302);
    const callback = await provider.loginAs(start.headers.location, coach);
    await request(api.url).get(`${callback.pathname}${callback.search}`).expect(200);
    await request(api.url).get(`${callback.pathname}${callback.search}`).expect(401);
  });
});
