import path from 'node:path';
import type { AppConfig, ResolvedConfig } from '../config/app-config.js';
import { ensureDatabase } from '../database/ensure-database.js';
import { startMeilisearch } from './meilisearch-server.js';
import { persistentSecret } from './persistent-secret.js';
import { canConnectPostgres, startPostgres } from './postgres-server.js';
import { pingRedis, startRedis } from './redis-server.js';
import type { ServiceLogger } from './service-logger.js';

export interface ServiceSet {
  readonly config: ResolvedConfig;
  /** Where each service came from, for the start banner. */
  readonly origins: Record<'postgres' | 'redis' | 'meilisearch', 'configured' | 'local' | 'embedded'>;
  /** Stops the services this process started (never the configured or local ones). */
  stop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const DATABASE_NAME = 'passerelle';

/**
 * Fills in every service URL the environment left unset: a local PostgreSQL or Redis on its default
 * port when one answers, otherwise an embedded one; Meilisearch is always the bundled binary then.
 */
export async function resolveServices(config: AppConfig, logger: ServiceLogger): Promise<ServiceSet> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
  };
  try {
    let databaseUrl = config.database.url;
    let postgresOrigin: ServiceSet['origins']['postgres'] = 'configured';
    if (!databaseUrl) {
      let server = new URL(LOCAL_POSTGRES);
      postgresOrigin = 'local';
      if (!(await canConnectPostgres(server))) {
        const embedded = await startPostgres(config.dataDir, logger);
        stops.push(() => embedded.stop());
        server = embedded.url;
        postgresOrigin = 'embedded';
      }
      databaseUrl = new URL(server.toString());
      databaseUrl.pathname = `/${DATABASE_NAME}`;
    }
    if (await ensureDatabase(databaseUrl))
      logger.info({ component: 'postgres' }, `created database ${databaseUrl.pathname.slice(1)}`);

    let redisUrl = config.redis.url;
    let redisOrigin: ServiceSet['origins']['redis'] = 'configured';
    if (!redisUrl) {
      redisUrl = new URL(LOCAL_REDIS);
      redisOrigin = 'local';
      if (!(await pingRedis(redisUrl))) {
        const embedded = await startRedis(config.dataDir, logger);
        stops.push(() => embedded.process.stop());
        redisUrl = embedded.url;
        redisOrigin = 'embedded';
      }
    }

    let meiliUrl = config.meilisearch.url;
    let masterKey = config.meilisearch.masterKey;
    let meiliOrigin: ServiceSet['origins']['meilisearch'] = 'configured';
    if (!meiliUrl) {
      const embedded = await startMeilisearch(config.dataDir, logger);
      stops.push(() => embedded.process.stop());
      meiliUrl = embedded.url;
      masterKey = embedded.masterKey;
      meiliOrigin = 'embedded';
    }

    const jwtSecret = config.auth.jwtSecret ?? (await persistentSecret(path.join(config.dataDir, 'auth-secret'), 32));
    // 32 random bytes as 64 hex digits: the AES-256 key of TOTP secrets, kept like the JWT key.
    const totpEncryptionKey =
      config.auth.totpEncryptionKey ?? (await persistentSecret(path.join(config.dataDir, 'totp-key'), 32));

    return {
      config: {
        ...config,
        auth: { ...config.auth, jwtSecret, totpEncryptionKey },
        database: { ...config.database, url: databaseUrl },
        redis: { ...config.redis, url: redisUrl },
        meilisearch: { ...config.meilisearch, url: meiliUrl, masterKey },
      },
      origins: { postgres: postgresOrigin, redis: redisOrigin, meilisearch: meiliOrigin },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
