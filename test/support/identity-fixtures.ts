import request from 'supertest';
import { EnsureFirstAdmin, type Role } from '@passerelle/identity';
import type { RunningApi } from './api-harness.js';

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly structureId: string;
  accessToken: string;
  refreshToken: string;
}

export interface TestOrganisation {
  readonly admin: TestUser;
  readonly structures: { readonly nord: string; readonly lille: string; readonly basRhin: string };
  readonly users: {
    readonly managerNord: TestUser;
    readonly coachLille: TestUser;
    readonly coachNord: TestUser;
    readonly staffNord: TestUser;
    readonly managerBasRhin: TestUser;
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function login(api: RunningApi, email: string, password: string, totpCode?: string): request.Test {
  return request(api.url)
    .post('/auth/login')
    .send({ email, password, ...(totpCode ? { totpCode } : {}) });
}

/** The refresh token a session answer set in its HttpOnly cookie (the body never carries it). */
export function refreshCookieOf(response: request.Response): string {
  const cookies = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const cookie = cookies.find(
    (line) => line.startsWith('passerelle_refresh=') && !line.startsWith('passerelle_refresh=;'),
  );
  if (!cookie) throw new Error(`no refresh cookie in the answer (${response.status}): ${cookies.join(' | ')}`);
  return decodeURIComponent(cookie.slice('passerelle_refresh='.length).split(';')[0] ?? '');
}

/** POST /auth/refresh or /auth/logout as the web application does: the cookie and the anti-forgery header. */
export function withRefreshCookie(
  api: RunningApi,
  path: '/auth/refresh' | '/auth/logout',
  token: string,
): request.Test {
  return request(api.url)
    .post(path)
    .set('Cookie', `passerelle_refresh=${encodeURIComponent(token)}`)
    .set('X-Requested-With', 'passerelle-web');
}

async function loggedIn(api: RunningApi, id: string, email: string, structureId: string): Promise<TestUser> {
  const response = await login(api, email, TEST_PASSWORD);
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as { accessToken: string };
  return {
    id,
    email,
    password: TEST_PASSWORD,
    structureId,
    accessToken: body.accessToken,
    refreshToken: refreshCookieOf(response),
  };
}

/**
 * Two départements, one with a local office, and one user per role, all created through the API
 * by the first administrator: the Nord tree (Nord ⊃ Lille) and the Bas-Rhin, kept apart.
 */
export async function seedOrganisation(api: RunningApi): Promise<TestOrganisation> {
  const first = await api.app
    .get(EnsureFirstAdmin)
    .execute({ email: 'admin@test.passerelle.fr', password: TEST_PASSWORD });
  if (!first) throw new Error('the test database already has users');
  const adminLogin = await login(api, first.email, TEST_PASSWORD);
  const adminToken = (adminLogin.body as { accessToken: string }).accessToken;
  const me = await request(api.url).get('/auth/me').auth(adminToken, { type: 'bearer' });
  const admin = await loggedIn(
    api,
    (me.body as { id: string }).id,
    first.email,
    (me.body as { structureId: string }).structureId,
  );

  const structure = async (name: string, kind: string, parentId?: string): Promise<string> => {
    const response = await request(api.url)
      .post('/structures')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ name, kind, ...(parentId ? { parentId } : {}) })
      .expect(201);
    return (response.body as { id: string }).id;
  };
  const nord = await structure('Département du Nord', 'departement');
  const lille = await structure('UT Lille', 'local_office', nord);
  const basRhin = await structure('Collectivité européenne d’Alsace', 'departement');

  const user = async (email: string, structureId: string, roles: Role[]): Promise<TestUser> => {
    const response = await request(api.url)
      .post('/users')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ email, displayName: email.split('@')[0], structureId, roles, password: TEST_PASSWORD })
      .expect(201);
    return loggedIn(api, (response.body as { user: { id: string } }).user.id, email, structureId);
  };
  return {
    admin,
    structures: { nord, lille, basRhin },
    users: {
      managerNord: await user('manager.nord@test.passerelle.fr', nord, ['manager']),
      coachLille: await user('coach.lille@test.passerelle.fr', lille, ['coach']),
      coachNord: await user('coach.nord@test.passerelle.fr', nord, ['coach']),
      staffNord: await user('staff.nord@test.passerelle.fr', nord, ['platform_staff']),
      managerBasRhin: await user('manager.basrhin@test.passerelle.fr', basRhin, ['manager']),
    },
  };
}

/** Requests as one logged-in user: `as(api, user).post('/path', body)`. */
export function as(api: RunningApi, user: TestUser) {
  const bearer = (test: request.Test): request.Test => test.auth(user.accessToken, { type: 'bearer' });
  return {
    get: (path: string) => bearer(request(api.url).get(path)),
    post: (path: string, body: object = {}) => bearer(request(api.url).post(path)).send(body),
    put: (path: string, body: object) => bearer(request(api.url).put(path)).send(body),
    patch: (path: string, body: object) => bearer(request(api.url).patch(path)).send(body),
    delete: (path: string) => bearer(request(api.url).delete(path)),
  };
}
