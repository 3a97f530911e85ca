import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig, ResolvedConfig } from '../config/app-config.js';
import { ensureDatabase } from '../database/ensure-database.js';
import { startMeilisearch } from './meilisearch-server.js';
import { persistentSecret } from './persistent-secret.js';
import { canConnectPostgres, startPostgres } from './postgres-server.js';
import { pingRedis, startRedis } from './redis-server.js';
import type { ServiceLogger } from './service-logger.js';
import {
  claimDataDir,
  type EmbeddableService,
  lookUpState,
  type ServicesClaim,
  type ServicesState,
} from './services-state.js';

type Origin = 'configured' | 'local' | 'embedded' | 'shared';

export interface ServiceSet {
  readonly config: ResolvedConfig;
  /**
   * Where each service came from, for the start banner; `shared`: embedded by another Passerelle
   * process running on the same data directory.
   */
  readonly origins: Record<EmbeddableService, Origin>;
  /** Records where this process serves HTTP in the data directory's state, if it holds it. */
  announce(url: string): void;
  /** Stops the services this process started (never the configured, local or shared ones). */
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** What this process runs, written in the data directory's state for the others' messages. */
  readonly service?: string;
  /**
   * The data directory is this process's alone (`cli start`: a second platform on the same data
   * would run every schedule twice): refused while another process holds it. Otherwise a process
   * uses the services another one embedded there, and starts none of its own.
   */
  readonly exclusive?: boolean;
}

/** A second `cli start` (or any exclusive process) on a data directory another process holds. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, state: ServicesState) {
    super(
      `another Passerelle process (${state.service}, pid ${state.owner.pid}, since ${state.startedAt}` +
        `${state.url ? `, ${state.url}` : ''}) runs on ${dataDir}; ` +
        'stop it first, or set PASSERELLE_DATA_DIR to another directory',
    );
    this.name = 'DataDirInUseError';
  }
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const DATABASE_NAME = 'passerelle';
const VARIABLE: Record<EmbeddableService, string> = {
  postgres: 'DATABASE_URL',
  redis: 'REDIS_URL',
  meilisearch: 'MEILI_URL',
};
/** How long a process waits for another one that is still starting the services it would share. */
const WAIT_FOR_OWNER_MS = 180_000;

/** Raised inside one attempt when another process claimed the data directory first: try again. */
class ClaimedMeanwhile extends Error {}

/**
 * Fills in every service URL the environment left unset: a local PostgreSQL or Redis on its default
 * port when one answers, otherwise an embedded one; Meilisearch is always the bundled binary then.
 * Embedded services belong to one process per data directory (`services.json` there says which,
 * and where they listen): another Passerelle process on the same data uses them rather than
 * starting its own, which would fight the first over the same files.
 */
export async function resolveServices(
  config: AppConfig,
  logger: ServiceLogger,
  options: ResolveOptions = {},
): Promise<ServiceSet> {
  const mayEmbed = !config.database.url || !config.redis.url || !config.meilisearch.url;
  if (!mayEmbed && !options.exclusive) return resolveOwn(config, logger, null);
  for (let attempt = 0; attempt < 5; attempt++) {
    const owner = await runningOwner(config.dataDir, logger, options.exclusive ?? false);
    if (owner) {
      if (options.exclusive) throw new DataDirInUseError(config.dataDir, owner);
      return joinOwner(config, logger, owner);
    }
    const claim = { current: null as ServicesClaim | null, service: options.service ?? 'passerelle' };
    try {
      return await resolveOwn(config, logger, claim, options.exclusive ?? false);
    } catch (error) {
      if (!(error instanceof ClaimedMeanwhile)) throw error;
    }
  }
  throw new Error(`could not take the data directory ${config.dataDir}: other Passerelle processes keep claiming it`);
}

/**
 * The live process holding the data directory, once its services answer; null when none (a file
 * left by a dead process is removed on the way). An exclusive caller does not wait: it refuses.
 */
async function runningOwner(dataDir: string, logger: ServiceLogger, exclusive: boolean): Promise<ServicesState | null> {
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  let told = false;
  for (;;) {
    const lookup = lookUpState(dataDir);
    if (lookup.kind === 'none') return null;
    if (lookup.kind === 'stale') {
      logger.warn(
        { component: 'services', pid: lookup.owner },
        'ignored the services state left by a Passerelle process that is no longer running',
      );
      continue;
    }
    if (lookup.state.status === 'ready' || exclusive) return lookup.state;
    if (Date.now() > deadline)
      throw new Error(`the services of ${dataDir} (pid ${lookup.state.owner.pid}) did not start within 3 minutes`);
    if (!told) {
      logger.info({ component: 'services', pid: lookup.state.owner.pid }, 'waiting for the services being started');
      told = true;
    }
    await sleep(200);
  }
}

/** The owner's embedded URL for a service this process leaves unset, if it embedded one. */
function sharedUrl(owner: ServicesState, service: EmbeddableService): URL | null {
  const url = owner.embedded[service];
  return url ? new URL(url) : null;
}

function notShared(dataDir: string, owner: ServicesState, service: EmbeddableService): Error {
  return new Error(
    `Passerelle (${owner.service}, pid ${owner.owner.pid}) runs on ${dataDir} without an embedded ${service}; ` +
      `set ${VARIABLE[service]} as it does, or stop it first`,
  );
}

/** Uses the services another live process embedded in the data directory; starts and stops nothing. */
async function joinOwner(config: AppConfig, logger: ServiceLogger, owner: ServicesState): Promise<ServiceSet> {
  const origins: ServiceSet['origins'] = { postgres: 'configured', redis: 'configured', meilisearch: 'configured' };
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    let server = sharedUrl(owner, 'postgres');
    origins.postgres = 'shared';
    if (!server) {
      server = new URL(LOCAL_POSTGRES);
      origins.postgres = 'local';
      if (!(await canConnectPostgres(server))) throw notShared(config.dataDir, owner, 'postgres');
    }
    databaseUrl = new URL(server.toString());
    databaseUrl.pathname = `/${DATABASE_NAME}`;
  }
  let redisUrl = config.redis.url;
  if (!redisUrl) {
    redisUrl = sharedUrl(owner, 'redis') ?? undefined;
    origins.redis = 'shared';
    if (!redisUrl) {
      redisUrl = new URL(LOCAL_REDIS);
      origins.redis = 'local';
      if (!(await pingRedis(redisUrl))) throw notShared(config.dataDir, owner, 'redis');
    }
  }
  let meiliUrl = config.meilisearch.url;
  let masterKey = config.meilisearch.masterKey;
  if (!meiliUrl) {
    meiliUrl = sharedUrl(owner, 'meilisearch') ?? undefined;
    if (!meiliUrl) throw notShared(config.dataDir, owner, 'meilisearch');
    masterKey = await persistentSecret(path.join(config.dataDir, 'meilisearch', 'master-key'));
    origins.meilisearch = 'shared';
  }
  logger.info(
    { component: 'services', pid: owner.owner.pid, origins },
    `using the services of the Passerelle process ${owner.owner.pid} (${owner.service})`,
  );
  return {
    config: await withSecrets(config, databaseUrl, redisUrl, meiliUrl, masterKey),
    origins,
    announce: () => undefined,
    stop: () => Promise.resolve(),
  };
}

/**
 * Resolves the services on this process's own: local ones, or embedded ones it starts, having first
 * claimed the data directory (`claim` null: every URL is set, nothing will be started).
 */
async function resolveOwn(
  config: AppConfig,
  logger: ServiceLogger,
  claim: { current: ServicesClaim | null; readonly service: string } | null,
  claimAtOnce = false,
): Promise<ServiceSet> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
    claim?.current?.release();
  };
  /** Called before the first embedded service starts: from then on the data directory is ours. */
  const takeDataDir = async (): Promise<void> => {
    if (!claim || claim.current) return;
    const result = await claimDataDir(config.dataDir, claim.service);
    if ('held' in result) throw new ClaimedMeanwhile();
    claim.current = result.claim;
  };
  const embedded: ServicesState['embedded'] = {};
  try {
    if (claimAtOnce) await takeDataDir();
    let databaseUrl = config.database.url;
    let postgresOrigin: Origin = 'configured';
    if (!databaseUrl) {
      let server = new URL(LOCAL_POSTGRES);
      postgresOrigin = 'local';
      if (!(await canConnectPostgres(server))) {
        await takeDataDir();
        const started = await startPostgres(config.dataDir, logger);
        stops.push(() => started.stop());
        server = started.url;
        embedded.postgres = server.toString();
        postgresOrigin = 'embedded';
      }
      databaseUrl = new URL(server.toString());
      databaseUrl.pathname = `/${DATABASE_NAME}`;
    }
    if (await ensureDatabase(databaseUrl))
      logger.info({ component: 'postgres' }, `created database ${databaseUrl.pathname.slice(1)}`);

    let redisUrl = config.redis.url;
    let redisOrigin: Origin = 'configured';
    if (!redisUrl) {
      redisUrl = new URL(LOCAL_REDIS);
      redisOrigin = 'local';
      if (!(await pingRedis(redisUrl))) {
        await takeDataDir();
        const started = await startRedis(config.dataDir, logger);
        stops.push(() => started.process.stop());
        redisUrl = started.url;
        embedded.redis = redisUrl.toString();
        redisOrigin = 'embedded';
      }
    }

    let meiliUrl = config.meilisearch.url;
    let masterKey = config.meilisearch.masterKey;
    let meiliOrigin: Origin = 'configured';
    if (!meiliUrl) {
      await takeDataDir();
      const started = await startMeilisearch(config.dataDir, logger);
      stops.push(() => started.process.stop());
      meiliUrl = started.url;
      masterKey = started.masterKey;
      embedded.meilisearch = meiliUrl.toString();
      meiliOrigin = 'embedded';
    }

    claim?.current?.ready(embedded);
    return {
      config: await withSecrets(config, databaseUrl, redisUrl, meiliUrl, masterKey),
      origins: { postgres: postgresOrigin, redis: redisOrigin, meilisearch: meiliOrigin },
      announce: (url) => claim?.current?.announce(url),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function withSecrets(
  config: AppConfig,
  databaseUrl: URL,
  redisUrl: URL,
  meiliUrl: URL,
  masterKey: string | undefined,
): Promise<ResolvedConfig> {
  const jwtSecret = config.auth.jwtSecret ?? (await persistentSecret(path.join(config.dataDir, 'auth-secret'), 32));
  // 32 random bytes as 64 hex digits: the AES-256 key of TOTP secrets, kept like the JWT key.
  const totpEncryptionKey =
    config.auth.totpEncryptionKey ?? (await persistentSecret(path.join(config.dataDir, 'totp-key'), 32));
  return {
    ...config,
    auth: { ...config.auth, jwtSecret, totpEncryptionKey },
    database: { ...config.database, url: databaseUrl },
    redis: { ...config.redis, url: redisUrl },
    meilisearch: { ...config.meilisearch, url: meiliUrl, masterKey },
  };
}
