/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startDemoSources } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { SyncOffersIndex } from '@passerelle/matching';
import { ImportReferential } from '@passerelle/referential';
import { demoSourceInputs } from '../../apps/cli/src/demo/demo-mode.js';
import { seedDemoPortfolio } from '../../apps/cli/src/demo/demo-portfolio.js';
import { startApi } from '../support/api-harness.js';
import { launchChromium } from '../support/browser.js';
import { spaceTokenMailedTo } from '../support/card-link-fixture.js';
import { benchEnvironment } from './bench-env.js';

export interface WebBenchResult {
  readonly offersIndexed: number;
  /** Timed loads of each page per round (after one warm-up load). */
  readonly runs: number;
  /** Rounds, each in a fresh browser context (empty cache) with its own login. */
  readonly rounds: number;
  /** Navigation to the matched-offers page until the first offer is on screen (a warm browser). */
  readonly matchesPage: PageTiming;
  /** The API call that page waits for, alone (`GET /beneficiaries/:id/matches?limit=20`). */
  readonly matchesApi: { readonly p50Ms: number; readonly minMs: number; readonly maxMs: number };
  /** Navigation to the portfolio until its rows are on screen. */
  readonly portfolioPage: PageTiming;
  readonly ratioPageToApi: number;
  /** Issue 20: each page's content on screen within 500 ms of navigation. */
  readonly targetMs: number;
  /** The last load's requests, in ms from navigation start. */
  readonly waterfall: ReadonlyArray<{ name: string; start: number; end: number }>;
  /**
   * The person's space (`/espace/:token`) as a phone opens it (390 px): bytes of each kind that one
   * load transfers. The goal for an entry-level phone on slow 3G: under 100 kB of JavaScript.
   */
  readonly personSpacePage: PageWeight;
  /** With BENCH_WEB_PROFILE set: the functions that took the most CPU in one load (self time). */
  readonly profile: ReadonlyArray<{ fn: string; selfMs: number }>;
}

/**
 * A page's time from navigation to its content on screen: `p50Ms` and `p95Ms` are the medians of the rounds'
 * own p50 and p95, `minMs` and `maxMs` the extremes of every load; and the JavaScript the load fetched.
 */
export interface PageTiming {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly byRound: ReadonlyArray<{ readonly p50Ms: number; readonly p95Ms: number }>;
  readonly p50RangeMs: { readonly min: number; readonly max: number };
  readonly p95RangeMs: { readonly min: number; readonly max: number };
  readonly js: ScriptWeight;
}

/** JavaScript files a load fetched (from the cache or not) and their sizes as built (served uncompressed). */
export interface ScriptWeight {
  /** Before the content was on screen: what the page needed. */
  readonly beforeContentBytes: number;
  /** The same, gzip-compressed (what a compressing proxy would send). */
  readonly beforeContentGzipBytes: number;
  readonly beforeContentFiles: number;
  /** Once the page is idle: the other screens' code, fetched ahead for later navigation. */
  readonly afterIdleBytes: number;
}

export interface PageWeight {
  readonly requests: number;
  readonly htmlBytes: number;
  readonly scriptBytes: number;
  readonly styleBytes: number;
  readonly otherBytes: number;
  readonly totalBytes: number;
  readonly scriptBudgetBytes: number;
}

/**
 * The demo coach sends `personId` the link to their space by e-mail (giving the file an address and
 * the consent to write to it when it has none), and the link is opened on a 390-px phone: what the
 * load transferred, by kind (response bodies, uncompressed).
 */
async function personSpaceWeight(
  browser: Browser,
  apiUrl: string,
  dataDir: string,
  accessToken: string,
  personId: string,
): Promise<PageWeight> {
  const call = async (method: string, route: string, body?: object): Promise<Response> =>
    fetch(`${apiUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  const file = (await (await call('GET', `/beneficiaries/${personId}`)).json()) as { email: string | null };
  let email = file.email;
  if (!email) {
    email = `personne-${personId.slice(0, 8)}@exemple.fr`;
    const patched = await call('PATCH', `/beneficiaries/${personId}`, { email });
    if (!patched.ok) throw new Error(`the person's e-mail: ${patched.status}`);
  }
  const consent = await call('POST', `/beneficiaries/${personId}/consents`, { purpose: 'contact_by_email' });
  if (consent.status !== 201 && consent.status !== 409) throw new Error(`e-mail consent: ${consent.status}`);
  const sent = await call('POST', `/beneficiaries/${personId}/space-links`);
  if (sent.status !== 201) throw new Error(`space link: ${sent.status} ${await sent.text()}`);
  const token = await spaceTokenMailedTo(dataDir, email);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const bodies: Array<Promise<{ kind: string; bytes: number }>> = [];
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    bodies.push(
      response
        .body()
        .then((body) => ({ kind, bytes: body.length }))
        .catch(() => ({ kind, bytes: 0 })), // a redirect has no body
    );
  });
  const answer = await page.goto(`${apiUrl}/espace/${token}`, { waitUntil: 'load' });
  if (!answer?.ok()) throw new Error(`the person's space answered ${answer?.status()}`);
  const loaded = await Promise.all(bodies);
  await context.close();
  const sum = (kinds: string[]): number =>
    loaded.filter((entry) => kinds.includes(entry.kind)).reduce((total, entry) => total + entry.bytes, 0);
  const htmlBytes = sum(['document']);
  const scriptBytes = sum(['script']);
  const styleBytes = sum(['stylesheet']);
  const totalBytes = loaded.reduce((total, entry) => total + entry.bytes, 0);
  return {
    requests: loaded.length,
    htmlBytes,
    scriptBytes,
    styleBytes,
    otherBytes: totalBytes - htmlBytes - scriptBytes - styleBytes,
    totalBytes,
    scriptBudgetBytes: 100_000,
  };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** One load of `url` under Chromium's CPU profiler: self time by function, the top 25. */
async function profileLoad(page: Page, url: string): Promise<Array<{ fn: string; selfMs: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.locator('ol.match-list > li').first().waitFor();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id);
    const key = frame
      ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
      : '?';
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[index] / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, ms]) => ({ fn, selfMs: Math.round(ms) }));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

function stats(values: number[]): { p50Ms: number; minMs: number; maxMs: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50Ms: round1(sorted[Math.floor(sorted.length / 2)]),
    minMs: round1(sorted[0]),
    maxMs: round1(sorted[sorted.length - 1]),
  };
}

/** The nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
}

const median = (values: number[]): number => percentile(values, 50);

function pageTiming(rounds: number[][], js: ScriptWeight): PageTiming {
  const byRound = rounds.map((loads) => ({ p50Ms: percentile(loads, 50), p95Ms: percentile(loads, 95) }));
  const all = rounds.flat();
  const p50s = byRound.map((r) => r.p50Ms);
  const p95s = byRound.map((r) => r.p95Ms);
  return {
    p50Ms: median(p50s),
    p95Ms: median(p95s),
    minMs: round1(Math.min(...all)),
    maxMs: round1(Math.max(...all)),
    byRound,
    p50RangeMs: { min: Math.min(...p50s), max: Math.max(...p50s) },
    p95RangeMs: { min: Math.min(...p95s), max: Math.max(...p95s) },
    js,
  };
}

type Watched = Window & { firstRowAt?: number };

/** The scripts of the web build (`/app/assets/*.js`) the current document fetched, with their start. */
async function scriptsFetched(page: Page): Promise<Array<{ file: string; start: number }>> {
  return page.evaluate(() =>
    window.performance
      .getEntriesByType('resource')
      .filter((entry) => /\/app\/assets\/[^/]+\.js$/.test(new URL(entry.name).pathname))
      .map((entry) => ({ file: new URL(entry.name).pathname.split('/').pop() ?? '', start: entry.startTime })),
  );
}

/**
 * What one load of `url` fetched in JavaScript, sized from the built files: the scripts asked for before
 * `selector` showed, and all of them once the page has been idle a moment (the other screens' code).
 */
async function scriptWeight(page: Page, url: string, selector: string, webDir: string): Promise<ScriptWeight> {
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  const shown = await page
    .waitForFunction(() => (window as Watched).firstRowAt)
    .then(async (h) => (await h.jsonValue()) as number);
  const before = (await scriptsFetched(page)).filter((script) => script.start <= shown);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500); // the idle callback that fetches the other screens
  const after = await scriptsFetched(page);
  const files = async (names: string[]): Promise<Buffer[]> =>
    Promise.all([...new Set(names)].map((name) => readFile(path.join(webDir, 'assets', name))));
  const beforeFiles = await files(before.map((script) => script.file));
  const afterFiles = await files(after.map((script) => script.file));
  const sum = (buffers: Buffer[]): number => buffers.reduce((total, buffer) => total + buffer.length, 0);
  return {
    beforeContentBytes: sum(beforeFiles),
    beforeContentGzipBytes: sum(beforeFiles.map((buffer) => gzipSync(buffer))),
    beforeContentFiles: beforeFiles.length,
    afterIdleBytes: sum(afterFiles),
  };
}

/**
 * The web application's heaviest daily screen on the demo data (`npm start`'s boards and people):
 * the matched offers of a person, loaded in Debian's Chromium, against the API call it waits for,
 * measured in the same run. The page's own cost is the difference: bundle, rendering, other calls.
 * The portfolio, the coach's first screen, beside it; each over `rounds` fresh browser contexts.
 */
export async function webBench(runs: number, rounds: number, log: (line: string) => void): Promise<WebBenchResult> {
  // Every load of a page refreshes the session (the access token lives in memory only): 40 loads a
  // minute from one address would meet the 30 a minute allowed to authentication requests.
  // BENCH_WEB_DIR measures another build of the web app (an earlier commit's) in the same conditions.
  const env = await benchEnvironment('web', {
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...(process.env.BENCH_WEB_DIR ? { WEB_DIR: process.env.BENCH_WEB_DIR } : {}),
  });
  const demo = await startDemoSources({
    seed: 7,
    crawlDelaySeconds: 0,
    nordemploi: { count: 10, pageSize: 10 },
    jobConnexion: { count: 5 },
    franceTravail: { count: 400, region: 'nord' },
  });
  const api = await startApi(env.config, { service: 'bench' });
  const browser = await launchChromium();
  try {
    log('bench web: reference data, demo boards, demo people');
    await api.app.get(ImportReferential).execute();
    const manage = api.app.get(ManageSources);
    for (const input of demoSourceInputs(demo)) {
      await manage.upsert({ ...input, scheduleMinutes: null, rateLimitPerSecond: 50 });
      await api.app.get(RunIngestion).execute(input.name, { trigger: 'cli' });
    }
    const sync = api.app.get(SyncOffersIndex);
    await sync.prepare();
    const indexed = await sync.execute();
    const offersIndexed = indexed.upserted;
    const portfolio = await seedDemoPortfolio(api.app);
    if (!portfolio) throw new Error('the demo portfolio was not written');
    const db = api.app.get(DataSource);
    const [person] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM beneficiary WHERE first_name = 'Nadia' ORDER BY created_at LIMIT 1`,
    );

    const login = await fetch(`${api.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'passerelle-web' },
      body: JSON.stringify({ email: portfolio.email, password: portfolio.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const apiTimings: number[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const started = performance.now();
      const answer = await fetch(`${api.url}/beneficiaries/${person.id}/matches?limit=20`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`matches answered ${answer.status}`);
      if (run > 0) apiTimings.push(performance.now() - started); // the first warms the skill space
    }

    const matchesUrl = `${api.url}/app/personnes/${person.id}/offres`;
    const portfolioUrl = `${api.url}/app/portefeuille`;
    const MATCH = 'ol.match-list > li';
    const ROW = 'main table.data-table tbody tr';
    const matchesRounds: number[][] = [];
    const portfolioRounds: number[][] = [];
    let page: Page | null = null;
    for (let round = 0; round < rounds; round += 1) {
      log(`bench web: round ${round + 1} of ${rounds}, ${runs} loads of each page`);
      await page?.context().close();
      // A fresh context each round: an empty cache, its own login.
      const context = await browser.newContext();
      // When the screen shows its first row, from the navigation's start, seen by the page itself on
      // every frame: playwright's own polling backs off to 500 ms steps and would add its waits.
      await context.addInitScript(() => {
        const watch = (): void => {
          const shown = document.querySelector('ol.match-list > li, main table.data-table tbody tr');
          if (shown) (window as Watched).firstRowAt = window.performance.now();
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      page = await context.newPage();
      page.on('pageerror', (error) => log(`bench web: page error ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') log(`bench web: console ${message.text()}`);
      });
      const current = page;
      const shownAt = async (): Promise<number> =>
        current
          .waitForFunction(() => (window as Watched).firstRowAt)
          .then(async (handle) => (await handle.jsonValue()) as number);
      await current.goto(`${api.url}/app/`);
      await current.getByLabel('Adresse e-mail').fill(portfolio.email);
      await current.getByLabel('Mot de passe').fill(portfolio.password);
      await current.getByRole('button', { name: 'Se connecter' }).click();
      await current.locator(ROW).first().waitFor();
      const pageTimings: number[] = [];
      const portfolioTimings: number[] = [];
      try {
        for (let run = 0; run <= runs; run += 1) {
          await current.goto(matchesUrl);
          await current.locator(MATCH).first().waitFor();
          const matchesAt = await shownAt();
          if (run > 0) pageTimings.push(matchesAt); // the first load of a round fills the cache
          await current.goto(portfolioUrl);
          await current.locator(ROW).first().waitFor();
          const portfolioAt = await shownAt();
          if (run > 0) portfolioTimings.push(portfolioAt);
        }
      } catch (error) {
        // What the page showed instead of what was waited for.
        const shot = path.join('bench-results', 'web-failure.png');
        await current.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        log(`bench web: ${current.url()} did not show its content (screenshot: ${shot})`);
        throw error;
      }
      matchesRounds.push(pageTimings);
      portfolioRounds.push(portfolioTimings);
    }
    if (!page) throw new Error('BENCH_WEB_ROUNDS must be at least 1');
    const last = page;
    const webDir = env.config.webDir;
    const matchesJs = await scriptWeight(last, matchesUrl, MATCH, webDir);
    const portfolioJs = await scriptWeight(last, portfolioUrl, ROW, webDir);
    // Where the last load of the matched offers spent its time: each request's start and end.
    await last.goto(matchesUrl);
    await last.locator(MATCH).first().waitFor();
    await last.waitForFunction(() => (window as Watched).firstRowAt);
    const waterfall = await last.evaluate(() => {
      const timing = window.performance;
      const now = Math.round(timing.now());
      return [
        ...timing.getEntriesByType('resource').map((entry) => ({
          name: entry.name.replace(window.location.origin, ''),
          start: Math.round(entry.startTime),
          end: Math.round((entry as PerformanceResourceTiming).responseEnd),
        })),
        {
          name: 'first offer on screen',
          start: Math.round((window as Watched).firstRowAt ?? 0),
          end: now,
        },
      ];
    });
    log("bench web: the person's space on a phone");
    const personSpacePage = await personSpaceWeight(browser, api.url, env.config.dataDir, accessToken, person.id);
    const profile = process.env.BENCH_WEB_PROFILE ? await profileLoad(last, matchesUrl) : [];
    await last.context().close();
    const matchesPage = pageTiming(matchesRounds, matchesJs);
    const matchesApi = stats(apiTimings);
    return {
      offersIndexed,
      runs,
      rounds,
      matchesPage,
      matchesApi,
      portfolioPage: pageTiming(portfolioRounds, portfolioJs),
      ratioPageToApi: Math.round((matchesPage.p50Ms / Math.max(matchesApi.p50Ms, 0.1)) * 10) / 10,
      targetMs: 500,
      waterfall,
      personSpacePage,
      profile,
    };
  } finally {
    await browser.close();
    await api.close();
    await demo.close();
    await env.close();
  }
}
