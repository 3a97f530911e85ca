import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { UserResponse } from './types';

/**
 * The early reads of the boot (prefetch.ts) over this tab's storage and fetch, stood in for here: what reaches the
 * network, and which request is given which answer.
 */
const ORIGIN = 'http://app.test';
const stored = new Map<string, string>();
const sent: Array<{ url: string; authorization: string | null }> = [];
let refreshAnswer: { status: number; token?: string } = { status: 200, token: 'token-1' };
const coach: UserResponse = {
  id: 'u1',
  email: 'camille@exemple.fr',
  displayName: 'Camille Coach',
  structureId: 's1',
  roles: ['coach'],
  status: 'active',
  totpEnabled: false,
  ssoLinked: false,
  mustChangePassword: false,
  totpEnrolmentRequired: false,
  lastLoginAt: null,
  createdAt: '2026-12-01T08:00:00.000Z',
};

Object.assign(globalThis, {
  sessionStorage: {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  },
  window: { location: { origin: ORIGIN, pathname: '/app/portefeuille', search: '', hash: '' } },
  document: { querySelectorAll: () => [] },
  fetch: (input: string, init: RequestInit = {}): Promise<Response> => {
    const authorization = new Headers(init.headers).get('authorization');
    sent.push({ url: input, authorization });
    if (input === '/auth/refresh')
      return Promise.resolve(
        refreshAnswer.status === 200
          ? Response.json({ accessToken: refreshAnswer.token, user: coach })
          : new Response('{}', { status: refreshAnswer.status }),
      );
    if (input === '/auth/logout') return Promise.resolve(new Response(null, { status: 204 }));
    return Promise.resolve(Response.json({ read: input, authorization }));
  },
});
stored.set('passerelle.session', '1'); // a signed-in tab being reloaded

type Prefetch = typeof import('./prefetch');
type Store = typeof import('../auth/session-store');
let early: Prefetch;
let session: Store['session'];

beforeAll(async () => {
  early = await import('./prefetch');
  session = (await import('../auth/session-store')).session;
});

afterEach(() => {
  sent.length = 0;
  refreshAnswer = { status: 200, token: 'token-1' };
  jest.restoreAllMocks();
});

const get = (path: string): Request => new Request(`${ORIGIN}${path}`);

describe('reads asked for by the boot before the application has loaded', () => {
  it('refreshes once, keeps the user the refresh answers, asks for each read with the new token, and hands each answer once to the identical GET', async () => {
    void early.prefetch(['/beneficiaries/p1/matches?limit=20&offset=0', '/beneficiaries/p1']);
    const answer = await early.takePrefetched(get('/beneficiaries/p1/matches?offset=0&limit=20'));
    await expect(answer?.json()).resolves.toEqual({
      read: '/beneficiaries/p1/matches?limit=20&offset=0',
      authorization: 'Bearer token-1',
    });
    await expect(early.takePrefetched(get('/beneficiaries/p1'))).resolves.not.toBeNull();
    // Who is signed in came with the refresh: nothing asks for /auth/me.
    expect(session.user()).toEqual(coach);
    expect(sent.map((request) => request.url)).toEqual([
      '/auth/refresh',
      '/beneficiaries/p1/matches?limit=20&offset=0',
      '/beneficiaries/p1',
    ]);
    // Given once: the next identical read goes to the network.
    await expect(early.takePrefetched(get('/beneficiaries/p1/matches?offset=0&limit=20'))).resolves.toBeNull();
  });

  it('never hands an early answer to the next session: not after a logout, not to another login', async () => {
    await early.prefetch(['/beneficiaries?sort=alerts']);
    await early.earlyReadsSettled();
    session.end();
    session.start({ accessToken: 'token-of-someone-else', user: { ...coach, id: 'u2' } });
    await expect(early.takePrefetched(get('/beneficiaries?sort=alerts'))).resolves.toBeNull();
  });

  it('never answers a write, another query or a late request from an early read', async () => {
    void early.prefetch(['/beneficiaries?sort=alerts']);
    await expect(
      early.takePrefetched(new Request(`${ORIGIN}/beneficiaries?sort=alerts`, { method: 'POST', body: '{}' })),
    ).resolves.toBeNull();
    await expect(early.takePrefetched(get('/beneficiaries?sort=name'))).resolves.toBeNull();
    await expect(early.takePrefetched(get('/beneficiaries?sort=alerts&other=1'))).resolves.toBeNull();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 10_001);
    await expect(early.takePrefetched(get('/beneficiaries?sort=alerts'))).resolves.toBeNull();
  });

  it('asks for nothing when the refresh is refused, and ends the session as the first call would', async () => {
    refreshAnswer = { status: 401 };
    await early.prefetch(['/beneficiaries/p1', '/beneficiaries?sort=alerts']);
    await early.earlyReadsSettled();
    expect(sent.map((request) => request.url)).toEqual(['/auth/refresh']);
    expect(session.state()).toBe('expired');
    expect(session.user()).toBeNull();
    await expect(early.takePrefetched(get('/beneficiaries/p1'))).resolves.toBeNull();
  });
});
