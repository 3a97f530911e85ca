import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { totpAt } from '../domain/totp.js';
import {
  aConfig,
  aUser,
  FakePasswordHasher,
  FakeTokenService,
  FakeTotpSecretCipher,
  InMemoryAuditLog,
  InMemoryLoginThrottle,
  InMemoryRefreshTokenStore,
  InMemoryRequestAccess,
  InMemoryUserStore,
  refusalOf,
} from '../testing/index.js';
import { AuthenticateRequest } from './authenticate-request.use-case.js';
import { AuthenticateWithPassword } from './authenticate-with-password.use-case.js';
import type { User } from './ports/user-store.js';
import { SessionIssuer } from './session-issuer.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function login(users: readonly User[]) {
  const dataSource = inMemoryDataSource();
  const store = new InMemoryUserStore(users);
  const refreshTokens = new InMemoryRefreshTokenStore();
  const tokens = new FakeTokenService();
  const audit = new InMemoryAuditLog();
  const throttle = new InMemoryLoginThrottle();
  const clock = new Clock();
  const config = aConfig({ temporaryPasswordTtlHours: 72, totpRequiredRoles: ['admin'] });
  const sessions = new SessionIssuer(dataSource, store, refreshTokens, tokens, audit, clock, config);
  return {
    users: store,
    refreshTokens,
    audit,
    throttle,
    login: new AuthenticateWithPassword(
      dataSource,
      store,
      new FakePasswordHasher(),
      throttle,
      sessions,
      new FakeTotpSecretCipher(),
      audit,
      config,
    ),
    authenticate: new AuthenticateRequest(tokens, dataSource, new InMemoryRequestAccess(store, refreshTokens), clock),
  };
}

const client = { ip: '203.0.113.7', userAgent: 'test' };

describe('AuthenticateWithPassword', () => {
  it('lets a fresh temporary password in, but every request of the session then says it must be changed', async () => {
    const newcomer = aUser({
      email: 'sacha@nord.fr',
      passwordHash: 'hashed:provisoire-0042',
      mustChangePassword: true,
      passwordChangedAt: new Date(Date.now() - 3_600_000),
    });
    const world = login([newcomer]);

    const session = await world.login.execute({ email: 'Sacha@nord.fr ', password: 'provisoire-0042' }, client);
    const actor = await world.authenticate.execute(session.accessToken, {});

    expect(actor).toMatchObject({ userId: newcomer.id, mustChangePassword: true });
    expect(world.users.stored(newcomer.id).lastLoginAt).toBeInstanceOf(Date);
  });

  it('refuses a temporary password past its life, records why, and opens no session', async () => {
    const late = aUser({
      email: 'sacha@nord.fr',
      passwordHash: 'hashed:provisoire-0042',
      mustChangePassword: true,
      passwordChangedAt: new Date(Date.now() - 73 * 3_600_000),
    });
    const world = login([late]);

    const refused = await refusalOf(
      world.login.execute({ email: 'sacha@nord.fr', password: 'provisoire-0042' }, client),
    );

    expect(refused.code).toBe('auth.temporary_password_expired');
    expect(world.refreshTokens.tokens).toEqual([]);
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        action: 'login_failed',
        subjects: [{ type: 'user', id: late.id, structureId: late.structureId }],
        details: { method: 'password', reason: 'temporary_password_expired' },
      }),
    ]);
    expect(world.throttle.calls.map((call) => call.step)).toEqual(['begin']);
  });

  it('asks an account with a second factor for its code, without counting the attempt as failed', async () => {
    const enrolled = aUser({
      email: 'alix@nord.fr',
      passwordHash: 'hashed:Un vrai mot de passe 7',
      totpSecret: `sealed:placeholder`,
      totpEnabledAt: new Date(),
    });
    enrolled.totpSecret = `sealed:${enrolled.id}:${SECRET}`;
    const world = login([enrolled]);
    const credentials = { email: 'alix@nord.fr', password: 'Un vrai mot de passe 7' };

    const refused = await refusalOf(world.login.execute(credentials, client));
    const session = await world.login.execute({ ...credentials, totpCode: totpAt(SECRET, new Date()) }, client);

    expect(refused).toMatchObject({ code: 'auth.totp_required', fields: ['totpCode'] });
    expect(world.throttle.calls.map((call) => call.step)).toEqual(['begin', 'passwordAccepted', 'begin', 'succeeded']);
    expect(session.totpEnrolmentRequired).toBe(false);
    expect(world.refreshTokens.tokens.map((token) => token.secondFactor)).toEqual(['totp']);
  });

  it('answers a wrong password and an unknown e-mail alike, and never writes the unknown address down', async () => {
    const user = aUser({ email: 'alix@nord.fr', passwordHash: 'hashed:Un vrai mot de passe 7' });
    const world = login([user]);

    const wrong = await refusalOf(world.login.execute({ email: 'alix@nord.fr', password: 'devine' }, client));
    const unknown = await refusalOf(world.login.execute({ email: 'personne@nord.fr', password: 'devine' }, client));

    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('auth.invalid_credentials');
    expect(world.audit.entries.map((entry) => [entry.subjects, entry.details.reason])).toEqual([
      [[{ type: 'user', id: user.id, structureId: user.structureId }], 'wrong_password'],
      [[{ type: 'login', id: 'unknown_account' }], 'unknown_account'],
    ]);
  });
});

describe('AuthenticateRequest', () => {
  it('ends the access of a session whose refresh tokens were revoked, before the access token expires', async () => {
    const user = aUser({ email: 'alix@nord.fr', passwordHash: 'hashed:Un vrai mot de passe 7' });
    const world = login([user]);
    const session = await world.login.execute({ email: 'alix@nord.fr', password: 'Un vrai mot de passe 7' }, client);
    for (const token of world.refreshTokens.tokens) token.revokedAt = new Date();

    await expect(refusalOf(world.authenticate.execute(session.accessToken, {}))).resolves.toMatchObject({
      code: 'auth.session_ended',
    });
  });
});
