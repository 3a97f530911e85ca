import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { totpAt } from '@passerelle/identity';
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

describe('identity: tokens, throttling, second factor and input safeguards', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;

  beforeAll(async () => {
    context = await createTestContext({
      env: {
        AUTH_LOGIN_MAX_FAILURES: '3',
        AUTH_TOTP_REQUIRED_ROLES: 'platform_staff',
        HTTP_BODY_LIMIT: '10kb',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  const userCount = async (): Promise<number> => {
    const [{ count }] = await api.app
      .get(DataSource)
      .query<[{ count: number }]>('SELECT count(*)::int AS count FROM app_user');
    return count;
  };

  describe('refresh tokens', () => {
    it('rotate: a refresh gives a new pair, and the old refresh token no longer works', async () => {
      const first = await login(api, org.users.coachLille.email, TEST_PASSWORD);
      const refreshToken = refreshCookieOf(first);
      const refreshed = await withRefreshCookie(api, '/auth/refresh', refreshToken).expect(200);
      const next = {
        accessToken: (refreshed.body as { accessToken: string }).accessToken,
        refreshToken: refreshCookieOf(refreshed),
      };
      expect(next.refreshToken).not.toBe(refreshToken);
      const me = await request(api.url).get('/auth/me').auth(next.accessToken, { type: 'bearer' }).expect(200);
      // The refresh names the signed-in user as /auth/me does: a reloaded page asks nothing more.
      expect((refreshed.body as { user: unknown }).user).toEqual(me.body);
      expect((first.body as { user: { id: string } }).user.id).toBe(org.users.coachLille.id);

      const reused = await withRefreshCookie(api, '/auth/refresh', refreshToken).expect(401);
      expect(reused.body).toMatchObject({ code: 'auth.refresh_refused' });
      // Reuse of a rotated token means it was copied: the whole session is revoked, the new token too.
      await withRefreshCookie(api, '/auth/refresh', next.refreshToken).expect(401);
    });

    it('are refused after logout', async () => {
      const refreshToken = refreshCookieOf(await login(api, org.users.coachLille.email, TEST_PASSWORD));
      await withRefreshCookie(api, '/auth/logout', refreshToken).expect(204);
      const refused = await withRefreshCookie(api, '/auth/refresh', refreshToken).expect(401);
      expect(refused.body).toMatchObject({ statusCode: 401, code: 'auth.refresh_refused' });
    });
  });

  describe('access tokens', () => {
    const key = (): Uint8Array => new TextEncoder().encode(context.env.AUTH_JWT_SECRET);

    it('are refused once expired', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await new SignJWT({ sid: '4c8d3a0e-3d4b-4a53-9a51-7f4a2c1b0e11' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(org.users.coachLille.id)
        .setIssuer('passerelle')
        .setAudience('passerelle-api')
        .setIssuedAt(now - 1_000)
        .setExpirationTime(now - 10)
        .sign(key());
      const response = await request(api.url).get('/auth/me').auth(expired, { type: 'bearer' }).expect(401);
      expect(response.body).toMatchObject({ code: 'auth.token_expired' });
    });

    it('are refused when signed with another key or tampered with', async () => {
      const forged = await new SignJWT({ sid: 'x' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(org.admin.id)
        .setIssuer('passerelle')
        .setAudience('passerelle-api')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('another key that is long enough to be a key'));
      expect((await request(api.url).get('/auth/me').auth(forged, { type: 'bearer' }).expect(401)).body).toMatchObject({
        code: 'auth.token_invalid',
      });
      const [header, , signature] = org.users.coachLille.accessToken.split('.');
      const payload = Buffer.from(
        JSON.stringify({ sub: org.admin.id, sid: 'x', iss: 'passerelle', aud: 'passerelle-api', exp: 9e9 }),
      ).toString('base64url');
      await request(api.url).get('/auth/me').auth(`${header}.${payload}.${signature}`, { type: 'bearer' }).expect(401);
      await request(api.url).get('/auth/me').expect(401);
    });
  });

  describe('passwords', () => {
    it('refuses a wrong password, then, past the free failures, delays the next attempt with Retry-After', async () => {
      const email = org.users.managerBasRhin.email;
      // Three free failures, and the fourth starts the delay (see security-passwords for the rest).
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const wrong = await login(api, email, 'not the right password').expect(401);
        expect(wrong.body).toMatchObject({ code: 'auth.invalid_credentials', message: 'wrong e-mail or password' });
      }
      const throttled = await login(api, email, TEST_PASSWORD).expect(429);
      expect(throttled.body).toMatchObject({ statusCode: 429, code: 'auth.throttled' });
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers an unknown e-mail exactly like a wrong password', async () => {
      const response = await login(api, 'nobody@test.passerelle.fr', TEST_PASSWORD).expect(401);
      expect(response.body).toMatchObject({ code: 'auth.invalid_credentials', message: 'wrong e-mail or password' });
    });

    it('makes a temporary password (after a reset) good for nothing but choosing a new one', async () => {
      const coach = org.users.coachNord;
      const reset = await request(api.url)
        .post(`/users/${coach.id}/password-reset`)
        .auth(org.admin.accessToken, { type: 'bearer' })
        .expect(200);
      const temporary = (reset.body as { temporaryPassword: string }).temporaryPassword;
      await withRefreshCookie(api, '/auth/refresh', coach.refreshToken).expect(401);
      const session = (await login(api, coach.email, temporary).expect(200)).body as { accessToken: string };
      const blocked = await request(api.url)
        .get('/structures')
        .auth(session.accessToken, { type: 'bearer' })
        .expect(403);
      expect(blocked.body).toMatchObject({ code: 'auth.password_change_required' });
      await request(api.url).get('/auth/me').auth(session.accessToken, { type: 'bearer' }).expect(200);
      await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: temporary, newPassword: 'une phrase de passe bien longue' })
        .expect(204);
      await request(api.url).get('/structures').auth(session.accessToken, { type: 'bearer' }).expect(200);
    });

    it('refuses weak passwords with the field and the reason', async () => {
      const response = await request(api.url)
        .post('/users')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({
          email: 'weak@test.passerelle.fr',
          displayName: 'Weak',
          structureId: org.structures.nord,
          roles: ['coach'],
          password: 'short',
        })
        .expect(422);
      expect(response.body.details).toEqual([{ field: 'password', reason: 'must be at least 12 characters long' }]);
    });
  });

  describe('second factor (TOTP)', () => {
    it('is mandatory for the configured roles: until enrolled, only enrolment is allowed', async () => {
      const staff = org.users.staffNord;
      const session = (await login(api, staff.email, TEST_PASSWORD).expect(200)).body as {
        accessToken: string;
        totpEnrolmentRequired: boolean;
      };
      expect(session.totpEnrolmentRequired).toBe(true);
      const blocked = await request(api.url)
        .get('/structures')
        .auth(session.accessToken, { type: 'bearer' })
        .expect(403);
      expect(blocked.body).toMatchObject({ code: 'auth.totp_enrolment_required' });

      const enrolment = (
        await request(api.url).post('/auth/totp/enrol').auth(session.accessToken, { type: 'bearer' }).expect(200)
      ).body as { secret: string; otpauthUri: string };
      expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Passerelle:/);
      await request(api.url)
        .post('/auth/totp/confirm')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ code: totpAt(enrolment.secret, new Date()) })
        .expect(204);

      const withoutCode = await login(api, staff.email, TEST_PASSWORD).expect(401);
      expect(withoutCode.body).toMatchObject({
        code: 'auth.totp_required',
        details: [{ field: 'totpCode', reason: 'required for this account' }],
      });
      const wrongCode = await login(api, staff.email, TEST_PASSWORD, '000000').expect(401);
      expect(wrongCode.body).toMatchObject({ code: 'auth.totp_invalid' });
      // The next time step: the confirmation used the current one, and a used step is refused.
      const code = totpAt(enrolment.secret, new Date(Date.now() + 30_000));
      const full = (await login(api, staff.email, TEST_PASSWORD, code).expect(200)).body as {
        accessToken: string;
        totpEnrolmentRequired: boolean;
      };
      expect(full.totpEnrolmentRequired).toBe(false);
      await request(api.url).get('/structures').auth(full.accessToken, { type: 'bearer' }).expect(200);
      const replay = await login(api, staff.email, TEST_PASSWORD, code).expect(401);
      expect(replay.body).toMatchObject({ code: 'auth.totp_invalid' });
    });
  });

  describe('input validation and request safeguards', () => {
    it('refuses unknown fields and wrong types with each field named, and writes nothing', async () => {
      const before = await userCount();
      const response = await request(api.url)
        .post('/users')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({ email: 'not-an-email', displayName: 42, structureId: 'nope', roles: 'coach', isAdmin: true })
        .expect(400);
      const fields = (response.body as { details: Array<{ field: string }> }).details.map((detail) => detail.field);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request is not valid',
      });
      expect(new Set(fields)).toEqual(new Set(['isAdmin', 'email', 'displayName', 'structureId', 'roles']));
      expect(await userCount()).toBe(before);
    });

    it('refuses an unknown role value inside the array, naming it', async () => {
      const response = await request(api.url)
        .post('/users')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({
          email: 'r@test.passerelle.fr',
          displayName: 'R',
          structureId: org.structures.nord,
          roles: ['coach', 'superuser'],
        })
        .expect(400);
      expect(response.body.details).toEqual([
        {
          field: 'roles',
          reason: 'each value in roles must be one of the following values: coach, platform_staff, manager, admin',
        },
      ]);
    });

    it('refuses an oversized body with 413 and writes nothing', async () => {
      const before = await userCount();
      const response = await request(api.url)
        .post('/users')
        .auth(org.admin.accessToken, { type: 'bearer' })
        .send({
          email: 'big@test.passerelle.fr',
          displayName: 'x'.repeat(20_000),
          structureId: org.structures.nord,
          roles: ['coach'],
        })
        .expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'request.too_large' });
      expect(await userCount()).toBe(before);
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await request(api.url)
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.fr", ')
        .expect(400);
      expect(response.body).toMatchObject({ code: 'request.malformed' });
    });

    it('sends security headers and keeps CORS closed', async () => {
      const response = await request(api.url).get('/health').set('Origin', 'https://evil.example').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
