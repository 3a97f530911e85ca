import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import {
  createTestContext,
  login,
  refreshCookieOf,
  seedOrganisation,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
  withRefreshCookie,
} from '@passerelle/testing';

/** Security issue #15, items 2, 3 and 8: each test plays the attack and checks it fails. */
describe('security: sessions end at once, absolute lifetime, refresh cookie, second factor, CSP', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  const NEW_PASSWORD = 'une toute autre phrase de passe';

  beforeAll(async () => {
    context = await createTestContext({
      env: { AUTH_TOTP_REQUIRED_ROLES: 'platform_staff', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
  });

  afterEach(() => api.app.get(Clock).reset());

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  /** A fresh session of `email`: its access token and its refresh token (from the cookie). */
  const sessionOf = async (email: string, password = TEST_PASSWORD) => {
    const response = await login(api, email, password).expect(200);
    return { accessToken: (response.body as { accessToken: string }).accessToken, refresh: refreshCookieOf(response) };
  };
  const me = (accessToken: string) => request(api.url).get('/auth/me').auth(accessToken, { type: 'bearer' });

  describe('a session ends at once, access tokens included', () => {
    it('logout: the access token of the logged-out session is refused on the next request, not 15 minutes later', async () => {
      const stolen = await sessionOf(org.users.coachLille.email);
      await me(stolen.accessToken).expect(200);
      await withRefreshCookie(api, '/auth/logout', stolen.refresh).expect(204);
      const refused = await me(stolen.accessToken).expect(401);
      expect(refused.body).toMatchObject({ code: 'auth.session_ended' });
      // Another session of the same user is untouched.
      const other = await sessionOf(org.users.coachLille.email);
      await me(other.accessToken).expect(200);
    });

    it('password change: the other sessions (the attacker’s) lose refresh and access at once; the one that changed it goes on', async () => {
      const user = org.users.managerBasRhin;
      const attacker = await sessionOf(user.email);
      const owner = await sessionOf(user.email);
      await request(api.url)
        .post('/auth/password')
        .auth(owner.accessToken, { type: 'bearer' })
        .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
        .expect(204);
      expect((await me(attacker.accessToken).expect(401)).body).toMatchObject({ code: 'auth.session_ended' });
      expect((await withRefreshCookie(api, '/auth/refresh', attacker.refresh).expect(401)).body).toMatchObject({
        code: 'auth.refresh_refused',
      });
      await me(owner.accessToken).expect(200);
      await withRefreshCookie(api, '/auth/refresh', owner.refresh).expect(200);
    });

    it('password reset by an administrator: the user’s access tokens are refused at once', async () => {
      const user = await sessionOf(org.users.coachNord.email);
      await me(user.accessToken).expect(200);
      await request(api.url)
        .post(`/users/${org.users.coachNord.id}/password-reset`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .expect(200);
      expect((await me(user.accessToken).expect(401)).body).toMatchObject({ code: 'auth.session_ended' });
      await withRefreshCookie(api, '/auth/refresh', user.refresh).expect(401);
    });

    it('a detected refresh-token theft (a rotated token replayed) ends the access tokens too', async () => {
      const victim = await sessionOf(org.users.managerNord.email);
      const rotated = await withRefreshCookie(api, '/auth/refresh', victim.refresh).expect(200);
      const current = (rotated.body as { accessToken: string }).accessToken;
      await me(current).expect(200);
      // The thief replays the copied, already rotated token.
      await withRefreshCookie(api, '/auth/refresh', victim.refresh).expect(401);
      expect((await me(current).expect(401)).body).toMatchObject({ code: 'auth.session_ended' });
    });
  });

  describe('absolute session lifetime (12 hours by default)', () => {
    it('ends a session at 12 hours after its login however often it was refreshed: refresh and access refused', async () => {
      const clock = api.app.get(Clock);
      const loggedInAt = Date.now();
      const session = await sessionOf(org.users.coachLille.email);
      let refresh = session.refresh;
      let accessToken = session.accessToken;
      // Refreshing every few hours used to slide the session forever.
      for (const hours of [4, 8, 11.9]) {
        clock.set(new Date(loggedInAt + hours * 3_600_000));
        const refreshed = await withRefreshCookie(api, '/auth/refresh', refresh).expect(200);
        refresh = refreshCookieOf(refreshed);
        accessToken = (refreshed.body as { accessToken: string }).accessToken;
        await me(accessToken).expect(200);
      }
      clock.set(new Date(loggedInAt + 12 * 3_600_000 + 60_000));
      expect((await me(accessToken).expect(401)).body).toMatchObject({ code: 'auth.session_ended' });
      expect((await withRefreshCookie(api, '/auth/refresh', refresh).expect(401)).body).toMatchObject({
        code: 'auth.refresh_refused',
      });
      // Logging in again opens a new session.
      await me((await sessionOf(org.users.coachLille.email)).accessToken).expect(200);
    });
  });

  describe('the refresh token stays out of script’s reach', () => {
    it('is only in an HttpOnly, SameSite=Strict cookie scoped to /auth, never in a session answer’s body', async () => {
      const response = await login(api, org.users.coachLille.email, TEST_PASSWORD).expect(200);
      const token = refreshCookieOf(response);
      expect(response.body).not.toHaveProperty('refreshToken');
      expect(JSON.stringify(response.body)).not.toContain(token);
      const cookie = (response.headers['set-cookie'] as unknown as string[]).find((line) =>
        line.startsWith('passerelle_refresh='),
      );
      expect(cookie).toMatch(/; Path=\/auth; HttpOnly; SameSite=Strict$/);
      const refreshed = await withRefreshCookie(api, '/auth/refresh', token).expect(200);
      expect(refreshed.body).not.toHaveProperty('refreshToken');
      expect(JSON.stringify(refreshed.body)).not.toContain(refreshCookieOf(refreshed));
    });

    it('a cross-site refresh or logout is refused (no anti-forgery header, or a foreign Origin) and leaves the session alive', async () => {
      const victim = await sessionOf(org.users.coachLille.email);
      const cookie = `passerelle_refresh=${encodeURIComponent(victim.refresh)}`;
      // A form or a simple fetch from another site cannot add a custom header.
      const noHeader = await request(api.url).post('/auth/refresh').set('Cookie', cookie).expect(403);
      expect(noHeader.body).toMatchObject({ code: 'auth.cross_site_refused' });
      await request(api.url).post('/auth/logout').set('Cookie', cookie).expect(403);
      const foreign = await request(api.url)
        .post('/auth/refresh')
        .set('Cookie', cookie)
        .set('X-Requested-With', 'passerelle-web')
        .set('Origin', 'https://attacker.example')
        .expect(403);
      expect(foreign.body).toMatchObject({ code: 'auth.cross_site_refused' });
      // Neither rotated nor revoked the victim's session.
      await me(victim.accessToken).expect(200);
      await withRefreshCookie(api, '/auth/refresh', victim.refresh).set('Origin', api.url).expect(200);
    });
  });

  describe('second factor on every password login of a role that requires it', () => {
    it('an SSO-linked account without TOTP gets only enrolment from a password login', async () => {
      const staff = org.users.staffNord;
      await api.app
        .get(DataSource)
        .query(`UPDATE app_user SET oidc_issuer = 'https://sso.example', oidc_subject = 'staff-1' WHERE id = $1`, [
          staff.id,
        ]);
      const response = await login(api, staff.email, TEST_PASSWORD).expect(200);
      expect(response.body).toMatchObject({ totpEnrolmentRequired: true });
      const blocked = await request(api.url)
        .get('/structures')
        .auth((response.body as { accessToken: string }).accessToken, { type: 'bearer' })
        .expect(403);
      expect(blocked.body).toMatchObject({ code: 'auth.totp_enrolment_required' });
      // And a refresh does not lift it.
      const refreshed = await withRefreshCookie(api, '/auth/refresh', refreshCookieOf(response)).expect(200);
      expect(refreshed.body).toMatchObject({ totpEnrolmentRequired: true });
    });
  });

  describe('content security policy', () => {
    it('allows no inline script, and the pages served (API docs) load their scripts from files', async () => {
      const docs = await request(api.url).get('/docs').redirects(1).expect(200);
      const policy = String(docs.headers['content-security-policy']);
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc.trim()).toBe("'self'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const scripts = [...String(docs.text).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc=/);
        expect(body?.trim()).toBe('');
      }
    });
  });
});
