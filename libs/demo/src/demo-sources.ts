import { DemoCatalog } from './catalog/demo-catalog.js';
import { buildDemoFixtures, type DemoFixtures } from './catalog/demo-fixtures.js';
import { createDemoControl, type DemoControl } from './control/demo-control.js';
import { DemoState } from './control/demo-state.js';
import type { DemoPlatform, DemoRegion } from './generator/demo-offer.js';
import { DEFAULT_CROSS_POST_RATE } from './generator/generate-demo-offers.js';
import { startOfUtcDay } from './generator/paris-time.js';
import { startHttpServer, type DemoSourceApp } from './http/demo-http.js';
import { siteDescriptions, type DemoSiteDescription } from './sites/site-descriptions.js';
import {
  FRANCE_TRAVAIL_API_PATH,
  FRANCE_TRAVAIL_PREFIX,
  FRANCE_TRAVAIL_REALM,
  FRANCE_TRAVAIL_SCOPES,
  FRANCE_TRAVAIL_TOKEN_PATH,
  franceTravailApp,
  type FranceTravailRecord,
  demoCatalogOffers,
  recordedOffers,
} from './sources/france-travail.source.js';
import { JOB_CONNEXION_LISTING_PATH, JOB_CONNEXION_PREFIX } from './sources/job-connexion.pages.js';
import { jobConnexionApp } from './sources/job-connexion.source.js';
import { NORDEMPLOI_LISTING_PATH, NORDEMPLOI_PREFIX } from './sources/nordemploi.pages.js';
import { nordemploiApp } from './sources/nordemploi.source.js';
import { builtInFaults } from './sources/page-traits.js';

export interface DemoSourcesOptions {
  /** Same seed, same offers, ids and faults. Default 2026. */
  readonly seed?: number;
  /** Offers are published within the 30 days before it. Default: the start of today (UTC). */
  readonly referenceDate?: Date | string;
  /** Share of each platform's offers also posted on another platform. Default 0.05. */
  readonly crossPostRate?: number;
  readonly nordemploi?: { readonly count?: number; readonly pageSize?: number };
  readonly jobConnexion?: { readonly count?: number; readonly pageSize?: number };
  readonly franceTravail?: {
    readonly count?: number;
    /** Default `mixed`: départements 59, 62, 67 and 68. */
    readonly region?: DemoRegion;
    readonly clientId?: string;
    readonly clientSecret?: string;
    /** `expires_in` of issued tokens. Default 1499, like the real API. */
    readonly tokenLifetimeSeconds?: number;
  };
  /** The three broken Nordemploi pages of every run (see fixtures). Default true. */
  readonly brokenPages?: boolean;
  /** `Crawl-delay` of /robots.txt, in seconds; 0 leaves it out. Default 1. */
  readonly crawlDelaySeconds?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
}

export const DEMO_DEFAULTS = {
  seed: 2026,
  nordemploi: { count: 150, pageSize: 20 },
  jobConnexion: { count: 120, pageSize: 24 },
  franceTravail: {
    count: 300,
    region: 'mixed' as DemoRegion,
    clientId: 'PAR_passerelle_demo',
    clientSecret: 'demo-secret-not-for-production',
    tokenLifetimeSeconds: 1499,
  },
  crawlDelaySeconds: 1,
} as const;

export interface FranceTravailAccess {
  /** Base of the API: `<apiUrl>/v2/offres/search`, `<apiUrl>/v2/offres/{id}`. */
  readonly apiUrl: string;
  /** OAuth2 token endpoint, realm included (`…/access_token?realm=/partenaire`). */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The scope to request: `api_offresdemploiv2 o2dsoffre`. */
  readonly scope: string;
}

export interface DemoBoardAccess {
  readonly listingUrl: string;
  readonly description: DemoSiteDescription;
}

interface DemoServerBase {
  readonly control: DemoControl;
  readonly fixtures: DemoFixtures;
  /** The truth behind every page and API answer: `catalog.offer(id)`. */
  readonly catalog: DemoCatalog;
  close(): Promise<void>;
}

export interface DemoSources extends DemoServerBase {
  /** The origin of the one server, `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  readonly nordemploi: DemoBoardAccess;
  readonly jobConnexion: DemoBoardAccess;
  readonly franceTravail: FranceTravailAccess;
}

export interface DemoServer extends DemoServerBase {
  /** The platform's root: `http://127.0.0.1:PORT/nordemploi`. */
  readonly url: string;
  readonly baseUrl: string;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer (got ${value})`);
  return value;
}

async function launch(platforms: readonly DemoPlatform[], options: DemoSourcesOptions) {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const referenceDate =
    options.referenceDate === undefined ? startOfUtcDay(new Date()) : new Date(options.referenceDate);
  if (Number.isNaN(referenceDate.getTime()))
    throw new RangeError(`invalid referenceDate: ${String(options.referenceDate)}`);
  const nordemploiPageSize = positiveInteger(
    'nordemploi.pageSize',
    options.nordemploi?.pageSize ?? DEMO_DEFAULTS.nordemploi.pageSize,
  );
  const jobConnexionPageSize = positiveInteger(
    'jobConnexion.pageSize',
    options.jobConnexion?.pageSize ?? DEMO_DEFAULTS.jobConnexion.pageSize,
  );
  const ftDefaults = DEMO_DEFAULTS.franceTravail;
  const ftOptions = options.franceTravail ?? {};
  const catalog = new DemoCatalog({
    seed,
    referenceDate,
    crossPostRate: options.crossPostRate ?? DEFAULT_CROSS_POST_RATE,
    counts: {
      nordemploi: options.nordemploi?.count ?? DEMO_DEFAULTS.nordemploi.count,
      'job-connexion': options.jobConnexion?.count ?? DEMO_DEFAULTS.jobConnexion.count,
      'france-travail': ftOptions.count ?? ftDefaults.count,
    },
    franceTravailRegion: ftOptions.region ?? ftDefaults.region,
  });
  const faults = builtInFaults(catalog, { brokenPages: options.brokenPages ?? true, jobConnexionPageSize });
  const state = new DemoState(
    {
      clientId: ftOptions.clientId ?? ftDefaults.clientId,
      clientSecret: ftOptions.clientSecret ?? ftDefaults.clientSecret,
      tokenLifetimeSeconds: positiveInteger(
        'tokenLifetimeSeconds',
        ftOptions.tokenLifetimeSeconds ?? ftDefaults.tokenLifetimeSeconds,
      ),
    },
    (fresh) => {
      for (const id of faults.nordemploi.malformed) fresh.nordemploi.malformed.add(id);
      for (const id of faults.nordemploi.missingTitle) fresh.nordemploi.missingTitle.add(id);
      for (const id of faults.nordemploi.notFound) fresh.nordemploi.notFound.add(id);
      for (const id of faults.jobConnexion.windows1252Header) fresh.jobConnexion.windows1252.set(id, 'header');
      for (const id of faults.jobConnexion.windows1252MetaOnly) fresh.jobConnexion.windows1252.set(id, 'meta');
      for (const offset of faults.jobConnexion.windows1252ListingOffsets)
        fresh.jobConnexion.windows1252Listings.add(offset);
    },
  );
  const apps: Record<DemoPlatform, () => DemoSourceApp> = {
    nordemploi: () => nordemploiApp(catalog, state, { pageSize: nordemploiPageSize }),
    'job-connexion': () => jobConnexionApp(catalog, state, { pageSize: jobConnexionPageSize }),
    'france-travail': () => franceTravailApp(demoCatalogOffers(catalog), state, { startedAtMs: Date.now() }),
  };
  const server = await startHttpServer(
    platforms.map((platform) => apps[platform]()),
    state.requests,
    state,
    {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      crawlDelaySeconds: options.crawlDelaySeconds ?? DEMO_DEFAULTS.crawlDelaySeconds,
    },
  );
  const baseUrl = server.origin;
  const descriptions = siteDescriptions(baseUrl);
  return {
    baseUrl,
    catalog,
    control: createDemoControl(state, catalog),
    fixtures: buildDemoFixtures(catalog, faults, {
      nordemploi: nordemploiPageSize,
      jobConnexion: jobConnexionPageSize,
    }),
    nordemploi: { listingUrl: `${baseUrl}${NORDEMPLOI_LISTING_PATH}`, description: descriptions.nordemploi },
    jobConnexion: { listingUrl: `${baseUrl}${JOB_CONNEXION_LISTING_PATH}`, description: descriptions.jobConnexion },
    franceTravail: {
      apiUrl: `${baseUrl}${FRANCE_TRAVAIL_API_PATH}`,
      tokenUrl: `${baseUrl}${FRANCE_TRAVAIL_TOKEN_PATH}?realm=${FRANCE_TRAVAIL_REALM}`,
      clientId: state.franceTravail.clientId,
      clientSecret: state.franceTravail.clientSecret,
      scope: FRANCE_TRAVAIL_SCOPES.join(' '),
    },
    close: () => server.close(),
  };
}

/**
 * The three imitated platforms on one port, under `/nordemploi`, `/jobconnexion` and
 * `/francetravail`, with one robots.txt at the root. Used by `npm start` (demo mode) and the tests.
 */
export async function startDemoSources(options: DemoSourcesOptions = {}): Promise<DemoSources> {
  return launch(['nordemploi', 'job-connexion', 'france-travail'], options);
}

async function startOne(platform: DemoPlatform, prefix: string, options: DemoSourcesOptions): Promise<DemoServer> {
  const { baseUrl, catalog, control, fixtures, close } = await launch([platform], options);
  return { url: `${baseUrl}${prefix}`, baseUrl, catalog, control, fixtures, close };
}

/** Nordemploi alone on its own port (same paths and data as in startDemoSources). */
export async function startNordemploiServer(options: DemoSourcesOptions = {}): Promise<DemoServer & DemoBoardAccess> {
  const server = await startOne('nordemploi', NORDEMPLOI_PREFIX, options);
  return {
    ...server,
    listingUrl: `${server.baseUrl}${NORDEMPLOI_LISTING_PATH}`,
    description: siteDescriptions(server.baseUrl).nordemploi,
  };
}

/** Job Connexion alone on its own port. */
export async function startJobConnexionServer(options: DemoSourcesOptions = {}): Promise<DemoServer & DemoBoardAccess> {
  const server = await startOne('job-connexion', JOB_CONNEXION_PREFIX, options);
  return {
    ...server,
    listingUrl: `${server.baseUrl}${JOB_CONNEXION_LISTING_PATH}`,
    description: siteDescriptions(server.baseUrl).jobConnexion,
  };
}

/** The France Travail API alone on its own port. */
export async function startFranceTravailServer(
  options: DemoSourcesOptions = {},
): Promise<DemoServer & FranceTravailAccess> {
  const server = await startOne('france-travail', FRANCE_TRAVAIL_PREFIX, options);
  const ft = options.franceTravail ?? {};
  return {
    ...server,
    apiUrl: `${server.baseUrl}${FRANCE_TRAVAIL_API_PATH}`,
    tokenUrl: `${server.baseUrl}${FRANCE_TRAVAIL_TOKEN_PATH}?realm=${FRANCE_TRAVAIL_REALM}`,
    clientId: ft.clientId ?? DEMO_DEFAULTS.franceTravail.clientId,
    clientSecret: ft.clientSecret ?? DEMO_DEFAULTS.franceTravail.clientSecret,
    scope: FRANCE_TRAVAIL_SCOPES.join(' '),
  };
}

export interface FranceTravailRecordsOptions {
  /** `publieeDepuis` counts back from this date. Default: now. */
  readonly referenceDate?: Date | string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
}

/**
 * The France Travail API (same token endpoint, search and detail as the demo's) serving the given
 * raw "Offres d'emploi v2" records as they are, in their order: real offers go through the real
 * `france_travail` source kind, for evaluations. No built-in faults.
 */
export async function startFranceTravailRecordsServer(
  records: readonly FranceTravailRecord[],
  options: FranceTravailRecordsOptions = {},
): Promise<FranceTravailAccess & { readonly baseUrl: string; close(): Promise<void> }> {
  const referenceMs = options.referenceDate === undefined ? Date.now() : new Date(options.referenceDate).getTime();
  if (Number.isNaN(referenceMs)) throw new RangeError(`invalid referenceDate: ${String(options.referenceDate)}`);
  const defaults = DEMO_DEFAULTS.franceTravail;
  const state = new DemoState(
    {
      clientId: options.clientId ?? defaults.clientId,
      clientSecret: options.clientSecret ?? defaults.clientSecret,
      tokenLifetimeSeconds: defaults.tokenLifetimeSeconds,
    },
    () => undefined,
  );
  const app = franceTravailApp(recordedOffers(records, referenceMs), state, { startedAtMs: Date.now() });
  const server = await startHttpServer([app], state.requests, state, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    crawlDelaySeconds: 0,
  });
  return {
    baseUrl: server.origin,
    apiUrl: `${server.origin}${FRANCE_TRAVAIL_API_PATH}`,
    tokenUrl: `${server.origin}${FRANCE_TRAVAIL_TOKEN_PATH}?realm=${FRANCE_TRAVAIL_REALM}`,
    clientId: state.franceTravail.clientId,
    clientSecret: state.franceTravail.clientSecret,
    scope: FRANCE_TRAVAIL_SCOPES.join(' '),
    close: () => server.close(),
  };
}
