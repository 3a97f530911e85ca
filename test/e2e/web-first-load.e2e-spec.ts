/// <reference lib="dom" />
import { readdir, readFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startDemoSources, type DemoSources } from '@passerelle/demo';
import {
  auditPage,
  createTestContext,
  ingestDemoBoards,
  JOURNEY_BOARDS,
  launchChromium,
  seedDemoPeople,
  signInThroughForm,
  startApi,
  syncOffersIndex,
  type RunningApi,
  type TestContext,
} from '@passerelle/testing';

type Watched = Window & { fallbackSeen?: boolean };

/**
 * How the web application loads a screen on a reload of a signed-in tab (issue 20): the boot refreshes the
 * session once (its answer names the signed-in user) and asks for the screen's data as soon as it has, before the
 * application's code has run; the screen then shows its content without a loading step for its code, without
 * asking who is signed in and without reading its data a second time.
 * And how the API serves the build: hashed files cached for a year as immutable, the page itself revalidated.
 */
describe('the first load of a screen of the web application', () => {
  let context: TestContext;
  let api: RunningApi;
  let sources: DemoSources;
  let browser: Browser;
  let coach: BrowserContext;
  let page: Page;
  let nadiaId: string;

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    sources = await startDemoSources(JOURNEY_BOARDS);
    api = await startApi(context.config);
    await ingestDemoBoards(api.app, sources, ['france-travail-demo']);
    const demo = await seedDemoPeople(api.app);
    await syncOffersIndex(api.app);
    const [nadia] = await api.app
      .get(DataSource)
      .query<Array<{ id: string }>>(`SELECT id FROM beneficiary WHERE first_name = 'Nadia'`);
    nadiaId = nadia.id;
    browser = await launchChromium();
    coach = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    // Whether the screen's loading step for its code (the Suspense fallback) was ever on the page.
    await coach.addInitScript(() => {
      new MutationObserver(() => {
        if (document.body?.textContent?.includes('Chargement de l’écran')) (window as Watched).fallbackSeen = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    page = await signInThroughForm(coach, api.url, demo.email, demo.password);
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await sources?.close();
    await context?.cleanup();
  });

  it('serves the hashed files cached for a year as immutable, and the page itself revalidated on every load', async () => {
    const index = await fetch(`${api.url}/app/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const referenced = [...html.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+)"/g)].map((match) => match[1]);
    // The boot script and the stylesheet; the screens' chunks are named by the boot, not by the page.
    expect(referenced.some((file) => file.endsWith('.js'))).toBe(true);
    expect(referenced.some((file) => file.endsWith('.css'))).toBe(true);
    const chunks = (await readdir(path.join(context.config.webDir, 'assets'))).filter((file) =>
      /^(matches|portfolio|vendor-react)-.+\.js$/.test(file),
    );
    expect(chunks).toHaveLength(3);
    for (const file of [...referenced, ...chunks.map((chunk) => `/app/assets/${chunk}`)]) {
      const answer = await fetch(`${api.url}${file}`);
      expect([file, answer.status, answer.headers.get('cache-control')]).toEqual([
        file,
        200,
        'public, max-age=31536000, immutable',
      ]);
    }
    // A screen's address is the page too, never cached as is.
    const screen = await fetch(`${api.url}/app/personnes/${nadiaId}/offres`);
    expect(screen.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the hashed files brotli-compressed to a browser that takes it, gzip to one that takes only that, else as built', async () => {
    const assets = path.join(context.config.webDir, 'assets');
    const files = (await readdir(assets)).filter((file) => /^(matches-.+\.js|index-.+\.css)$/.test(file));
    expect(files).toHaveLength(2);
    const fetchRaw = (file: string, acceptEncoding?: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
        get(`${api.url}/app/assets/${file}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        }).on('error', reject);
      });
    for (const file of files) {
      const built = await readFile(path.join(assets, file));
      const type = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      // Chromium's own list, gzip first: brotli is still chosen, the smaller.
      const brotli = await fetchRaw(file, 'gzip, deflate, br, zstd');
      expect([brotli.headers['content-encoding'], brotli.headers['content-type'], brotli.headers.vary]).toEqual([
        'br',
        type,
        'Accept-Encoding',
      ]);
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(brotli.body).equals(built)).toBe(true);
      expect(brotli.body.length).toBeLessThan(built.length / 2);
      const gzip = await fetchRaw(file, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(built)).toBe(true);
      // Neither accepted (or no header at all): the file as built.
      for (const refused of ['br;q=0, gzip;q=0', undefined]) {
        const plain = await fetchRaw(file, refused);
        expect([plain.headers['content-encoding'], plain.body.equals(built)]).toEqual([undefined, true]);
        expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it.each([
    [
      'the matched offers',
      () => `/app/personnes/${nadiaId}/offres`,
      () => `/beneficiaries/${nadiaId}/matches`,
      'ol.match-list > li',
    ],
    ['the portfolio', () => '/app/portefeuille', () => '/beneficiaries', 'main table tbody tr'],
  ])(
    'a reload of %s: one refresh that names the user, then the screen’s data, shown without a loading step for the code',
    async (_name, address, dataPath, content) => {
      const events: string[] = [];
      const tracked = (url: string): string | null => {
        const { pathname } = new URL(url);
        if (pathname === '/auth/refresh') return 'refresh';
        if (pathname === '/auth/me') return 'me';
        if (pathname === dataPath()) return 'data';
        return null;
      };
      const onRequest = (request: { url(): string }) => {
        const name = tracked(request.url());
        if (name) events.push(`ask ${name}`);
      };
      const onResponse = (response: { url(): string }) => {
        const name = tracked(response.url());
        if (name) events.push(`answer ${name}`);
      };
      page.on('request', onRequest);
      page.on('response', onResponse);
      await page.goto(`${api.url}${address()}`);
      await page.locator(content).first().waitFor();
      page.off('request', onRequest);
      page.off('response', onResponse);

      // Each once, and no /auth/me: the user came with the refresh, the screen took the boot's answer.
      expect(events.filter((event) => event.startsWith('ask')).sort()).toEqual(['ask data', 'ask refresh']);
      const at = (event: string): number => events.indexOf(event);
      // The data go out once the refresh has given a token, and nothing else waits in line before them.
      expect(at('ask data')).toBeGreaterThan(at('answer refresh'));
      // The frame shows the signed-in coach, known from the refresh alone.
      await expect(page.locator('header .user').textContent()).resolves.toContain('Camille Coach (démo)');
      await expect(page.evaluate(() => (window as Watched).fallbackSeen ?? false)).resolves.toBe(false);
      await auditPage(page, `first-load-${address().split('/').pop()}`);
    },
  );
});
