import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EnsureFirstAdmin, totpAt } from '@passerelle/identity';
import {
  createTestContext,
  login,
  startApi,
  TEST_PASSWORD,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

// Issue #15, item 8 (passwords and accounts) and the authentication part of item 5 (audit).
// Each test plays the attack; client addresses are told through X-Forwarded-For, which the API
// trusts from the loopback proxy only (as behind the production reverse proxy).

const FREE_FAILURES = 3;
const ACCOUNT_MAX_DELAY_SECONDS = 4;
const GUESS = 'guessed-Password-1234';

describe('security: passwords, temporary passwords, TOTP secrets at rest, login delays and their audit', () => {
  let context: TestContext;
  let api: RunningApi;
  let db: DataSource;
  let adminToken: string;
  let structureId: string;
  // One /16 of TEST-NET-like addresses per run, so parallel runs on the same Redis never share a counter.
  const net = `10.${randomBytes(1)[0]}`;
  let nextHost = 1;
  const newAddress = (): string => `${net}.${Math.floor(nextHost / 250)}.${(nextHost++ % 250) + 1}`;

  const loginFrom = (address: string, email: string, password: string, totpCode?: string): request.Test =>
    request(api.url)
      .post('/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email, password, ...(totpCode ? { totpCode } : {}) });

  const asAdmin = (test: request.Test): request.Test => test.auth(adminToken, { type: 'bearer' });

  /** Wrong guesses from one address until `failures` were checked (401), waiting out each delay (429). */
  const guessUntil = async (address: string, email: string, failures: number): Promise<void> => {
    for (let failed = 0; failed < failures;) {
      const response = await loginFrom(address, email, GUESS);
      if (response.status === 429) {
        await sleep(Number(response.headers['retry-after']) * 1000 + 100);
        continue;
      }
      expect(response.status).toBe(401);
      failed += 1;
    }
  };

  let userCounter = 0;
  /** A coach with a chosen password (or a temporary one when `password` is null). */
  const newUser = async (
    password: string | null = TEST_PASSWORD,
  ): Promise<{ id: string; email: string; password: string; temporaryPasswordExpiresAt: string | null }> => {
    const email = `person${(userCounter += 1)}@test.passerelle.fr`;
    const response = await asAdmin(request(api.url).post('/users'))
      .send({
        email,
        displayName: `Personne ${userCounter}`,
        structureId,
        roles: ['coach'],
        ...(password ? { password } : {}),
      })
      .expect(201);
    const body = response.body as {
      user: { id: string };
      temporaryPassword: string | null;
      temporaryPasswordExpiresAt: string | null;
    };
    return {
      id: body.user.id,
      email,
      password: password ?? (body.temporaryPassword as string),
      temporaryPasswordExpiresAt: body.temporaryPasswordExpiresAt,
    };
  };

  beforeAll(async () => {
    context = await createTestContext({
      env: {
        AUTH_LOGIN_MAX_FAILURES: String(FREE_FAILURES),
        AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: String(ACCOUNT_MAX_DELAY_SECONDS),
        // The per-minute limit of the auth routes is another defence; out of the way here.
        AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    api = await startApi(context.config);
    db = api.app.get(DataSource);
    await api.app.get(EnsureFirstAdmin).execute({ email: 'admin@test.passerelle.fr', password: TEST_PASSWORD });
    adminToken = (
      (await login(api, 'admin@test.passerelle.fr', TEST_PASSWORD).expect(200)).body as { accessToken: string }
    ).accessToken;
    structureId = (
      (await asAdmin(request(api.url).get('/auth/me')).expect(200)).body as {
        structureId: string;
      }
    ).structureId;
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  describe('common passwords', () => {
    it('refuses a listed password padded to the minimum length when an account is created (422, field and reason), and creates nothing', async () => {
      const response = await asAdmin(request(api.url).post('/users'))
        .send({
          email: 'padded@test.passerelle.fr',
          displayName: 'Camille Rousseau',
          structureId,
          roles: ['coach'],
          password: 'Motdepasse2024!',
        })
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'user.common_password',
        details: [{ field: 'password', reason: 'is a common password or a variant of one' }],
      });
      const rows = await db.query(`SELECT 1 FROM app_user WHERE email = 'padded@test.passerelle.fr'`);
      expect(rows).toEqual([]);
    });

    it('refuses a password built on the person’s own name', async () => {
      const response = await asAdmin(request(api.url).post('/users'))
        .send({
          email: 'c.rousseau@test.passerelle.fr',
          displayName: 'Camille Rousseau',
          structureId,
          roles: ['coach'],
          password: 'Rousseau59000!!',
        })
        .expect(422);
      expect(response.body).toMatchObject({ code: 'user.common_password', details: [{ field: 'password' }] });
    });

    it('refuses a leetspeak variant of a listed password as a new own password, and the old one keeps working', async () => {
      const user = await newUser();
      const session = (await loginFrom(newAddress(), user.email, user.password).expect(200)).body as {
        accessToken: string;
      };
      const response = await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'P@ssw0rd12345' })
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'user.common_password',
        details: [{ field: 'newPassword', reason: 'is a common password or a variant of one' }],
      });
      await loginFrom(newAddress(), user.email, user.password).expect(200);
      await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'trois pommes vertes au marché' })
        .expect(204);
    });
  });

  describe('temporary passwords', () => {
    it('expire after AUTH_TEMPORARY_PASSWORD_TTL_HOURS (72 by default): the login is refused with a code telling to ask for a reset', async () => {
      const before = Date.now();
      const user = await newUser(null);
      const expiresAt = new Date(user.temporaryPasswordExpiresAt as string).getTime();
      expect(expiresAt).toBeGreaterThanOrEqual(before + 72 * 3_600_000 - 1_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 72 * 3_600_000 + 1_000);

      // A session opened in time, then 73 hours pass without the password being changed.
      const session = (await loginFrom(newAddress(), user.email, user.password).expect(200)).body as {
        accessToken: string;
      };
      await db.query(`UPDATE app_user SET password_changed_at = now() - interval '73 hours' WHERE id = $1`, [user.id]);

      const refused = await loginFrom(newAddress(), user.email, user.password).expect(401);
      expect(refused.body).toMatchObject({
        code: 'auth.temporary_password_expired',
        message: 'this temporary password has expired: ask an administrator to reset your password',
      });
      const change = await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'trois pommes vertes au marché' })
        .expect(401);
      expect(change.body).toMatchObject({ code: 'auth.temporary_password_expired' });

      // The way out: a reset gives a fresh temporary password, with its own deadline.
      const reset = await asAdmin(request(api.url).post(`/users/${user.id}/password-reset`)).expect(200);
      const { temporaryPassword, expiresAt: resetExpiry } = reset.body as {
        temporaryPassword: string;
        expiresAt: string;
      };
      expect(new Date(resetExpiry).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);
      await loginFrom(newAddress(), user.email, temporaryPassword).expect(200);
    });

    it('are not subject to the deadline once replaced by a chosen password', async () => {
      const user = await newUser(null);
      const session = (await loginFrom(newAddress(), user.email, user.password).expect(200)).body as {
        accessToken: string;
      };
      await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'le phare de Dunkerque la nuit' })
        .expect(204);
      await db.query(`UPDATE app_user SET password_changed_at = now() - interval '400 days' WHERE id = $1`, [user.id]);
      await loginFrom(newAddress(), user.email, 'le phare de Dunkerque la nuit').expect(200);
    });
  });

  describe('TOTP secrets at rest', () => {
    const columns = async (id: string): Promise<{ totp_secret: string | null; totp_pending_secret: string | null }> =>
      (
        await db.query<Array<{ totp_secret: string | null; totp_pending_secret: string | null }>>(
          'SELECT totp_secret, totp_pending_secret FROM app_user WHERE id = $1',
          [id],
        )
      )[0];

    it('never holds the secret in clear, pending or enrolled, and the code still logs in', async () => {
      const user = await newUser();
      const session = (await loginFrom(newAddress(), user.email, user.password).expect(200)).body as {
        accessToken: string;
      };
      const { secret } = (
        await request(api.url).post('/auth/totp/enrol').auth(session.accessToken, { type: 'bearer' }).expect(200)
      ).body as { secret: string };
      const pending = await columns(user.id);
      expect(pending.totp_pending_secret).toMatch(/^v1\./);
      expect(pending.totp_pending_secret).not.toContain(secret);

      await request(api.url)
        .post('/auth/totp/confirm')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ code: totpAt(secret, new Date()) })
        .expect(204);
      const enrolled = await columns(user.id);
      expect(enrolled.totp_pending_secret).toBeNull();
      expect(enrolled.totp_secret).toMatch(/^v1\./);
      expect(enrolled.totp_secret).not.toContain(secret);
      // Nowhere in the row, in any column.
      const [{ row }] = await db.query<[{ row: string }]>(
        'SELECT to_jsonb(u)::text AS row FROM app_user u WHERE id = $1',
        [user.id],
      );
      expect(row).not.toContain(secret);

      const code = totpAt(secret, new Date(Date.now() + 30_000));
      await loginFrom(newAddress(), user.email, user.password, code).expect(200);
    });

    it('encrypts, at start, a secret enrolled in clear before this version, and it keeps logging in', async () => {
      const user = await newUser();
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      await db.query(
        'UPDATE app_user SET totp_secret = $2, totp_enabled_at = now(), totp_last_step = NULL WHERE id = $1',
        [user.id, secret],
      );
      // A second API process starting on the same database: its start-up sweeps clear secrets.
      const restarted = await startApi(context.config);
      try {
        const stored = await columns(user.id);
        expect(stored.totp_secret).toMatch(/^v1\./);
        expect(stored.totp_secret).not.toContain(secret);
        await loginFrom(newAddress(), user.email, user.password, totpAt(secret, new Date())).expect(200);
      } finally {
        await restarted.close();
      }
    });
  });

  describe('login delays instead of a lock', () => {
    it('delays an address that keeps guessing one account, doubling the wait (429 with Retry-After), even for the right password', async () => {
      const user = await newUser();
      const attacker = newAddress();
      for (let attempt = 1; attempt <= FREE_FAILURES; attempt += 1) {
        const wrong = await loginFrom(attacker, user.email, GUESS).expect(401);
        expect(wrong.body).toMatchObject({ code: 'auth.invalid_credentials' });
      }
      // Failures 4, 5 and 6 start delays of 1, 2 then 4 seconds (waited out in between).
      await guessUntil(attacker, user.email, 3);
      const delayed = await loginFrom(attacker, user.email, GUESS).expect(429);
      expect(delayed.body).toMatchObject({ statusCode: 429, code: 'auth.throttled' });
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThanOrEqual(3);
      expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(4);
      // The right password waits too: the delay is no oracle.
      await loginFrom(attacker, user.email, user.password).expect(429);

      await guessUntil(attacker, user.email, 1);
      const doubled = await loginFrom(attacker, user.email, GUESS).expect(429);
      expect(Number(doubled.headers['retry-after'])).toBeGreaterThanOrEqual(7);
      expect(Number(doubled.headers['retry-after'])).toBeLessThanOrEqual(8);
    });

    it('lets the real user in from their usual address at once, and from a new one after a short bounded wait, while another address hammers the account', async () => {
      const user = await newUser();
      const usual = newAddress();
      await loginFrom(usual, user.email, user.password).expect(200);

      // Seven failures from one address: its own delay reaches 8 s; the account's stops at 4 s.
      const attacker = newAddress();
      await guessUntil(attacker, user.email, 7);
      const attackerWait = Number((await loginFrom(attacker, user.email, GUESS).expect(429)).headers['retry-after']);
      expect(attackerWait).toBeGreaterThan(ACCOUNT_MAX_DELAY_SECONDS);

      const elsewhere = newAddress();
      const newPlace = await loginFrom(elsewhere, user.email, user.password).expect(429);
      expect(Number(newPlace.headers['retry-after'])).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_SECONDS);

      // From the address they logged in from before, no wait at all; that success clears the account's delay.
      await loginFrom(usual, user.email, user.password).expect(200);
      await loginFrom(elsewhere, user.email, user.password).expect(200);
      // The attacker's own delay is untouched.
      await loginFrom(attacker, user.email, user.password).expect(429);
    });

    it('makes a burst of parallel guesses pay the delays too: most of twelve get 429, where all would be checked', async () => {
      const user = await newUser();
      const attacker = newAddress();
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => loginFrom(attacker, user.email, GUESS).then((response) => response.status)),
      );
      const unauthorized = responses.filter((status) => status === 401).length;
      // The free failures, the one that starts the 1 s delay, and on a loaded machine one request
      // arriving after that first second: the rest waits (without the charge-first, twelve 401).
      expect(unauthorized).toBeGreaterThanOrEqual(FREE_FAILURES + 1);
      expect(unauthorized).toBeLessThanOrEqual(FREE_FAILURES + 2);
      expect(responses.filter((status) => status === 429)).toHaveLength(12 - unauthorized);
    });

    it('delays an address spraying one password over many accounts, known or not', async () => {
      const sprayer = newAddress();
      const target = await newUser();
      let checked = 0;
      for (let account = 1; ; account += 1) {
        const response = await loginFrom(sprayer, `nobody${account}@test.passerelle.fr`, GUESS);
        if (response.status === 429) break;
        expect(response.status).toBe(401);
        checked += 1;
      }
      // Twelve free failures for an address, the thirteenth starts a 1 s delay; on a loaded
      // machine that first second may pass before the next request.
      expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES * 4 + 1);
      expect(checked).toBeLessThanOrEqual(FREE_FAILURES * 4 + 2);
      const refused = await loginFrom(sprayer, target.email, target.password).expect(429);
      expect(refused.body).toMatchObject({ code: 'auth.throttled' });
      // Another address is not concerned by the sprayer's delay.
      await loginFrom(newAddress(), target.email, target.password).expect(200);
    });

    it('gives the free attempts back after a successful login', async () => {
      const user = await newUser();
      const address = newAddress();
      await guessUntil(address, user.email, FREE_FAILURES + 2);
      await sleep(2_100);
      await loginFrom(address, user.email, user.password).expect(200);
      // Without the reset, the first of these would start a 4 s delay and the second get 429.
      for (let attempt = 1; attempt <= FREE_FAILURES + 1; attempt += 1) {
        await loginFrom(address, user.email, GUESS).expect(401);
      }
    });
  });

  describe('audit of authentication events', () => {
    type AuditRow = {
      actor_user_id: string | null;
      action: string;
      subject_type: string;
      subject_id: string;
      ip: string | null;
      details: Record<string, unknown>;
    };
    const auditOf = (subjectId: string): Promise<AuditRow[]> =>
      db.query<AuditRow[]>(
        `SELECT actor_user_id, action, subject_type, subject_id, ip, details FROM audit_event
          WHERE subject_id = $1 ORDER BY id`,
        [subjectId],
      );

    it('records each failed login with its reason and address, never the password or the unknown e-mail typed', async () => {
      const user = await newUser();
      const address = newAddress();
      await loginFrom(address, user.email, GUESS).expect(401);
      await loginFrom(address, 'typo-in-the-address@test.passerelle.fr', GUESS).expect(401);
      expect((await auditOf(user.id)).filter((row) => row.action === 'login_failed')).toEqual([
        {
          actor_user_id: null,
          action: 'login_failed',
          subject_type: 'user',
          subject_id: user.id,
          ip: address,
          details: { method: 'password', reason: 'wrong_password' },
        },
      ]);
      const unknown = await db.query<AuditRow[]>(
        `SELECT details FROM audit_event WHERE action = 'login_failed' AND subject_type = 'login' AND ip = $1`,
        [address],
      );
      expect(unknown.map((row) => row.details)).toEqual([{ method: 'password', reason: 'unknown_account' }]);
      const [{ leaks }] = await db.query<[{ leaks: number }]>(
        `SELECT count(*)::int AS leaks FROM audit_event
          WHERE to_jsonb(audit_event)::text LIKE '%' || $1 || '%' OR to_jsonb(audit_event)::text LIKE '%typo-in-the-address%'`,
        [GUESS],
      );
      expect(leaks).toBe(0);
    });

    it('records a wrong second-factor code, the password changes and resets, and the TOTP enrolment and removal', async () => {
      const user = await newUser(null);
      const address = newAddress();
      const session = (await loginFrom(address, user.email, user.password).expect(200)).body as { accessToken: string };
      await request(api.url)
        .post('/auth/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'trois pommes vertes au marché' })
        .expect(204);
      const { secret } = (
        await request(api.url).post('/auth/totp/enrol').auth(session.accessToken, { type: 'bearer' }).expect(200)
      ).body as { secret: string };
      await request(api.url)
        .post('/auth/totp/confirm')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ code: totpAt(secret, new Date()) })
        .expect(204);
      await loginFrom(address, user.email, 'trois pommes vertes au marché', '000000').expect(401);
      // Whoever holds a user's session cannot strip the second factor; an administrator can (lost phone).
      const self = await request(api.url)
        .post(`/users/${user.id}/totp-reset`)
        .auth(session.accessToken, { type: 'bearer' })
        .expect(403);
      expect(self.body).toMatchObject({ code: 'auth.forbidden' });
      await asAdmin(request(api.url).post(`/users/${user.id}/totp-reset`)).expect(204);
      const [{ totp_secret }] = await db.query<[{ totp_secret: string | null }]>(
        'SELECT totp_secret FROM app_user WHERE id = $1',
        [user.id],
      );
      expect(totp_secret).toBeNull();
      await asAdmin(request(api.url).post(`/users/${user.id}/password-reset`)).expect(200);

      const rows = (await auditOf(user.id)).filter((row) => row.action !== 'login');
      expect(rows.map((row) => [row.action, row.actor_user_id, row.details])).toEqual([
        ['create', expect.any(String), {}],
        ['update', user.id, { fields: ['password'], password: 'temporary_replaced' }],
        ['update', user.id, { fields: ['totp'], totp: 'enrolled' }],
        ['login_failed', null, { method: 'password', reason: 'totp_invalid' }],
        ['update', expect.any(String), { fields: ['totp'], totp: 'removed' }],
        ['update', expect.any(String), { fields: ['password'], password: 'reset' }],
      ]);
    });
  });
});
