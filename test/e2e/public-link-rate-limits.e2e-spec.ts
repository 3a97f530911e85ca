import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestContext, startApi, type RunningApi, type TestContext } from '@passerelle/testing';

const PER_ADDRESS = 6;
const PER_LINK = 4;

/** Waits out the end of a one-minute rate window, so a burst is counted in one window. */
async function awayFromWindowEnd(): Promise<void> {
  const second = (Date.now() / 1000) % 60;
  if (second > 40) await new Promise((resolve) => setTimeout(resolve, (60.5 - second) * 1000));
}

const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Every kind of public link page (no account, the token is the key) under one guard factory,
 * `PublicLinkRateLimitGuard(kind)`: each kind is attacked here past both limits, by one address
 * trying tokens and by many addresses on one link, and refused with 429 and its own refusal. The
 * kinds count in buckets of their own: an address shut out of one kind still reaches the others.
 */
describe('public link pages: one rate-limit guard per kind', () => {
  let context: TestContext;
  let api: RunningApi;

  // The refusal each page answers with: a page in French for the pages read in a browser, the
  // error's code in JSON for the links the web app reads.
  const kinds = [
    { kind: 'card', path: (token: string) => `/cartes/${token}`, refusal: { html: 'Trop de demandes' } },
    { kind: 'shortlist', path: (token: string) => `/selections/${token}`, refusal: { html: 'Trop de demandes' } },
    { kind: 'need', path: (token: string) => `/besoins/${token}`, refusal: { html: 'Trop de demandes' } },
    { kind: 'space', path: (token: string) => `/espace/${token}`, refusal: { html: 'Trop de demandes' } },
    {
      kind: 'employer-follow-up',
      path: (token: string) => `/suivis-employeur/${token}`,
      refusal: { html: 'Trop de demandes' },
    },
    { kind: 'booking', path: (token: string) => `/bookings/${token}`, refusal: { code: 'booking.rate_limited' } },
    { kind: 'calendar', path: (token: string) => `/calendar/${token}`, refusal: { code: 'booking.rate_limited' } },
  ] as const;

  const expectRefusal = (response: request.Response, refusal: { html?: string; code?: string }): void => {
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    if (refusal.html) {
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain(refusal.html);
    } else expect(response.body).toMatchObject({ statusCode: 429, code: refusal.code });
  };

  beforeAll(async () => {
    context = await createTestContext({
      env: { CARD_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS), CARD_LINK_RATE_LIMIT_PER_MINUTE: String(PER_LINK) },
    });
    api = await startApi(context.config);
  });

  afterAll(async () => {
    await api?.close();
    await context?.cleanup();
  });

  it.each(kinds.map((entry, index) => ({ ...entry, index })))(
    '$kind: one address trying tokens is refused past its per-address limit, another address is still served',
    async ({ path, refusal, index }) => {
      await awayFromWindowEnd();
      const attacker = `203.0.113.${10 + index}`;
      const attempt = (address: string) => request(api.url).get(path(newToken())).set('X-Forwarded-For', address);
      for (let i = 0; i < PER_ADDRESS; i++) expect((await attempt(attacker)).status).not.toBe(429);
      expectRefusal(await attempt(attacker), refusal);
      expect((await attempt(`203.0.113.${100 + index}`)).status).not.toBe(429);
    },
  );

  it.each(kinds.map((entry, index) => ({ ...entry, index })))(
    '$kind: one link requested from many addresses is refused past its per-link limit',
    async ({ path, refusal, index }) => {
      await awayFromWindowEnd();
      const link = path(newToken());
      const from = (i: number) =>
        request(api.url)
          .get(link)
          .set('X-Forwarded-For', `198.51.${index}.${i + 1}`);
      for (let i = 0; i < PER_LINK; i++) expect((await from(i)).status).not.toBe(429);
      expectRefusal(await from(PER_LINK), refusal);
      // Another link of the same kind is still served.
      expect((await request(api.url).get(path(newToken())).set('X-Forwarded-For', '198.51.200.1')).status).not.toBe(
        429,
      );
    },
  );

  it('counts each kind apart: an address shut out of the card pages still reaches the shortlist, need, space and follow-up pages', async () => {
    await awayFromWindowEnd();
    const address = '192.0.2.77';
    const get = (path: string) => request(api.url).get(path).set('X-Forwarded-For', address);
    for (let i = 0; i <= PER_ADDRESS; i++) await get(`/cartes/${newToken()}`);
    expect((await get(`/cartes/${newToken()}`)).status).toBe(429);
    for (const path of [
      `/selections/${newToken()}`,
      `/besoins/${newToken()}`,
      `/espace/${newToken()}`,
      `/suivis-employeur/${newToken()}`,
    ])
      expect((await get(path)).status).not.toBe(429);
  });
});
