import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { freePort } from '@passerelle/core';
import {
  createTestContext,
  eventually,
  refreshCookieOf,
  seedOrganisation,
  spawnBuilt,
  startApi,
  startOidcProvider,
  type LocalOidcProvider,
  type SpawnedProcess,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { acceptedIntroduction, personValidatedCard } from '../support/card-link-fixture.js';

/**
 * The real API process, logging every request (info level) on stdout as in production, is driven
 * through the flows that put credentials in URLs and headers: an employer's card link (page,
 * photo, answer), the SSO callback's code and state, the web's one-time SSO code, bearer tokens and
 * cookies. Its whole output is then searched for each of those secrets.
 */
describe('request logs carry no credential', () => {
  let context: TestContext;
  let provider: LocalOidcProvider;
  let org: TestOrganisation;
  let api: SpawnedProcess;
  let url: string;
  const coach = { sub: 'proconnect-0001', email: 'coach.lille@test.passerelle.fr', name: 'Coach Lille' };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUris: [`${url}/auth/oidc/callback`], users: [coach] });
    context = await createTestContext({
      referential: true,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URI: `${url}/auth/oidc/callback`,
        OIDC_ALLOW_INSECURE: 'true',
      },
    });
    // Accounts are made in-process; the API under test is its own process with production logging.
    const setup = await startApi(context.config);
    org = await seedOrganisation(setup);
    await setup.close();
    api = spawnBuilt('apps/api/src/main.js', [], { ...context.env, LOG_LEVEL: 'info', PORT: String(port) });
    await eventually('API listening', () => (api.output().includes('API listening') ? true : undefined), 60_000);
  });

  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await provider?.close();
    await context?.cleanup();
  });

  it('logs the card link, SSO and authenticated requests with their secrets redacted, and none of the secrets', async () => {
    const secrets: Record<string, string> = {};

    // A real card link sent to an employer, opened, its photo asked for, answered; and a made-up one.
    const introduction = await acceptedIntroduction(url, org);
    await personValidatedCard(url, context.dataDir, org.users.coachLille, introduction);
    const sent = await request(url)
      .post(`/introductions/${introduction.introductionId}/links`)
      .auth(org.users.staffNord.accessToken, { type: 'bearer' })
      .send({})
      .expect(201);
    const cardPath = new URL((sent.body as { url: string }).url).pathname;
    secrets.cardToken = cardPath.split('/')[2];
    await request(url).get(cardPath).expect(200);
    await request(url).get(`${cardPath}/photo`).expect(404);
    await request(url).post(cardPath).type('form').send({ answer: 'interested' }).expect(200);
    secrets.unknownCardToken = randomBytes(32).toString('base64url');
    await request(url).get(`/cartes/${secrets.unknownCardToken}`).expect(404);

    // The web SSO: the provider's code and state on the callback, then the one-time code on the login page.
    // The browser keeps the cookie binding the SSO's state to it.
    const browser = request.agent(url);
    const start = await browser.get('/auth/oidc/web-login').expect(302);
    const callback = await provider.loginAs(start.headers.location, coach);
    secrets.oidcCode = callback.searchParams.get('code')!;
    secrets.oidcState = callback.searchParams.get('state')!;
    const back = await browser.get(`${callback.pathname}${callback.search}`).expect(302);
    const landing = new URL(back.headers.location, url);
    secrets.ssoCode = landing.searchParams.get('sso')!;
    // The web application's pages are served ahead of the request logger; searched for all the same.
    await request(url).get(`${landing.pathname}${landing.search}`);
    const session = await request(url)
      .post('/auth/oidc/exchange')
      .set('X-Requested-With', 'passerelle-web')
      .send({ code: secrets.ssoCode })
      .expect(200);
    secrets.accessToken = (session.body as { accessToken: string }).accessToken;
    secrets.refreshToken = refreshCookieOf(session);
    // A replayed callback (refused) still has its code and state in the URL.
    const replayed = await request(url).get(`${callback.pathname}${callback.search}`);
    expect(replayed.status).toBeGreaterThanOrEqual(400);

    // Credentials in headers: a bearer token, a cookie.
    secrets.cookie = `canary${randomBytes(16).toString('hex')}`;
    await request(url)
      .get('/auth/me')
      .auth(secrets.accessToken, { type: 'bearer' })
      .set('Cookie', `session=${secrets.cookie}`)
      .expect(200);
    await request(url)
      .post('/auth/refresh')
      .set('Cookie', `passerelle_refresh=${encodeURIComponent(secrets.refreshToken)}`)
      .set('X-Requested-With', 'passerelle-web')
      .expect(200);

    for (const [name, value] of Object.entries(secrets)) expect([name, value.length >= 16]).toEqual([name, true]);
    // The lines are there (so the search below looks at real request logs), with the secrets replaced.
    const logged = (): string => api.output();
    await eventually('the last request logged', () => (logged().includes('"url":"/auth/refresh"') ? true : undefined));
    const urls = logged()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url)
      .filter((logged): logged is string => typeof logged === 'string');
    expect(urls).toEqual(
      expect.arrayContaining([
        '/cartes/[redacted]',
        '/cartes/[redacted]/photo',
        expect.stringMatching(/^\/auth\/oidc\/callback\?code=\[redacted\]&state=\[redacted\]/),
        '/auth/me',
      ]),
    );
    for (const [name, value] of Object.entries(secrets))
      expect([name, logged().includes(value)]).toEqual([name, false]);
  });
});
