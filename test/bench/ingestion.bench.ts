import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  IngestionModule,
  ManageSources,
  parseOfferPage,
  RunIngestion,
  type SiteDescription,
} from '@passerelle/ingestion';
import { normalizeOffer } from '@passerelle/offers';
import { ImportReferential, ReferentialIndex } from '@passerelle/referential';
import { load } from 'cheerio';
import { startAppContext } from '../support/app-context.js';
import { benchEnvironment, memorySampler } from './bench-env.js';
import { type RemoteDemo, startRemoteDemo } from './remote-demo.js';

export interface IngestionBenchResult {
  readonly offers: number;
  readonly endToEnd: {
    readonly seconds: number;
    readonly offersPerSecond: number;
    readonly created: number;
    readonly rejected: number;
    readonly outboxRows: number;
    readonly baselineSeconds: number;
    readonly baselineOffersPerSecond: number;
    /** How many times slower the whole pipeline is than fetching and JSON-parsing the same pages. */
    readonly ratioToBaseline: number;
  };
  readonly memory: {
    readonly startRssMb: number;
    readonly peakRssMb: number;
    readonly heapAtQuarterMb: number;
    readonly heapAtEndMb: number;
    readonly samples: number;
  };
  readonly htmlParser: {
    readonly pages: number;
    readonly pagesPerSecond: number;
    readonly cheerioLoadOnlyPagesPerSecond: number;
    readonly ratioToCheerioLoad: number;
    readonly normalisePerSecond: number;
  };
  readonly secondRun: { readonly seconds: number; readonly unchanged: number };
}

/** Fetches every search page the France Travail source would, and only parses the JSON: the floor. */
async function baseline(
  demo: RemoteDemo,
  departements: readonly string[],
  romeCodes: readonly string[],
): Promise<{ seconds: number; offers: number }> {
  const started = performance.now();
  const token = (await (
    await fetch(demo.franceTravail.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: demo.franceTravail.clientId,
        client_secret: demo.franceTravail.clientSecret,
        scope: demo.franceTravail.scope,
      }).toString(),
    })
  ).json()) as { access_token: string };
  let offers = 0;
  for (const departement of departements) {
    for (const rome of romeCodes) {
      for (let start = 0; start <= 3000; start += 150) {
        const response = await fetch(
          `${demo.franceTravail.apiUrl}/v2/offres/search?departement=${departement}&codeROME=${rome}&range=${start}-${start + 149}`,
          { headers: { Authorization: `Bearer ${token.access_token}` } },
        );
        if (response.status === 204) break;
        const body = (await response.json()) as { resultats: unknown[] };
        offers += body.resultats.length;
        const total = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? '0');
        if (response.status !== 206 || start + 150 >= total) break;
      }
    }
  }
  return { seconds: (performance.now() - started) / 1000, offers };
}

async function htmlParser(demo: RemoteDemo, index: ReferentialIndex): Promise<IngestionBenchResult['htmlParser']> {
  const description = demo.nordemploi.description as SiteDescription;
  const ids = demo.nordemploiIds;
  const html = await Promise.all(
    ids.map(async (id) => ({
      url: `${demo.baseUrl}/nordemploi/offres/${id}`,
      body: await (await fetch(`${demo.baseUrl}/nordemploi/offres/${id}`)).text(),
    })),
  );
  const rounds = Math.max(1, Math.ceil(2000 / html.length));
  let started = performance.now();
  for (let round = 0; round < rounds; round += 1)
    for (const page of html) load(page.body, { xml: { xmlMode: false, decodeEntities: true } });
  const loadOnly = (rounds * html.length) / ((performance.now() - started) / 1000);
  const parsed = [];
  started = performance.now();
  for (let round = 0; round < rounds; round += 1)
    for (const page of html) parsed.push(parseOfferPage(page.body, page.url, description));
  const parser = (rounds * html.length) / ((performance.now() - started) / 1000);
  started = performance.now();
  let normalised = 0;
  for (const result of parsed) {
    if (!result.ok) continue;
    normalizeOffer({ source: 'nordemploi', externalId: result.raw.externalId, fields: result.raw.fields }, index);
    normalised += 1;
  }
  const normalisePerSecond = normalised / ((performance.now() - started) / 1000);
  return {
    pages: html.length,
    pagesPerSecond: Math.round(parser),
    cheerioLoadOnlyPagesPerSecond: Math.round(loadOnly),
    ratioToCheerioLoad: Math.round((loadOnly / parser) * 100) / 100,
    normalisePerSecond: Math.round(normalisePerSecond),
  };
}

/**
 * End to end: the France Travail-compatible demo API serving `offers` offers (4 départements,
 * queries split by ROME code to stay under the API's 3,000 window) → fetch, parse, normalise,
 * upsert, outbox; compared with fetching and JSON-parsing the same pages in the same run.
 */
export async function ingestionBench(offers: number, log: (line: string) => void): Promise<IngestionBenchResult> {
  const env = await benchEnvironment('ingestion');
  const demo = await startRemoteDemo(offers);
  let app: INestApplicationContext | undefined;
  try {
    app = await startAppContext(env.config, [IngestionModule]);
    log('bench ingestion: importing the reference data');
    await app.get(ImportReferential).execute();
    const index = app.get(ReferentialIndex);
    await index.load();
    const { romeCodes, departements } = demo;
    await app.get(ManageSources).upsert({
      name: 'france-travail-demo',
      label: 'France Travail (démo, banc d’essai)',
      kind: 'france_travail',
      baseUrl: demo.baseUrl,
      config: { ...demo.franceTravail, departements, romeCodes },
      rateLimitPerSecond: 50,
      maxConcurrency: 1,
    });

    log(`bench ingestion: baseline (fetch + JSON.parse of the same ${departements.length * romeCodes.length} queries)`);
    const floor = await baseline(demo, departements, romeCodes);

    log(`bench ingestion: end to end, ${offers} offers`);
    const sampler = memorySampler();
    const started = performance.now();
    const summary = await app.get(RunIngestion).execute('france-travail-demo', {
      trigger: 'cli',
      onProgress: (counts) => {
        sampler.progress.value = counts.offersSeen;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const samples = sampler.stop();
    const db = app.get(DataSource);
    const [{ n: outbox }] = await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM offer_outbox');

    log('bench ingestion: second run (everything unchanged)');
    const secondStarted = performance.now();
    const second = await app.get(RunIngestion).execute('france-travail-demo', { trigger: 'cli' });
    const secondSeconds = (performance.now() - secondStarted) / 1000;

    log('bench ingestion: HTML parser alone');
    const parser = await htmlParser(demo, index);

    const quarter = samples.find((sample) => sample.progress >= summary.offersSeen / 4) ?? samples[0];
    return {
      offers,
      endToEnd: {
        seconds: Math.round(seconds * 100) / 100,
        offersPerSecond: Math.round(summary.offersSeen / seconds),
        created: summary.created,
        rejected: summary.rejected,
        outboxRows: Number(outbox),
        baselineSeconds: Math.round(floor.seconds * 100) / 100,
        baselineOffersPerSecond: Math.round(floor.offers / floor.seconds),
        ratioToBaseline: Math.round((seconds / floor.seconds) * 100) / 100,
      },
      memory: {
        startRssMb: samples[0].rssMb,
        peakRssMb: Math.max(...samples.map((sample) => sample.rssMb)),
        heapAtQuarterMb: quarter.heapMb,
        heapAtEndMb: samples.at(-1)!.heapMb,
        samples: samples.length,
      },
      htmlParser: parser,
      secondRun: { seconds: Math.round(secondSeconds * 100) / 100, unchanged: second.unchanged },
    };
  } finally {
    await app?.close();
    demo.close();
    await env.close();
  }
}
