import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { preferredPort, waitFor } from './ports.js';
import type { ServiceLogger } from './service-logger.js';
import { SupervisedProcess } from './supervised-process.js';

export class RedisUnavailableError extends Error {
  constructor() {
    super(
      'no Redis: nothing answers on 127.0.0.1:6379 and no redis-server is on PATH. ' +
        'Install one (Debian: apt-get install -y redis-server) or set REDIS_URL=redis://host:6379',
    );
    this.name = 'RedisUnavailableError';
  }
}

export async function pingRedis(url: URL, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function onPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface EmbeddedRedis {
  readonly url: URL;
  readonly process: SupervisedProcess;
}

/** Starts `redis-server` from PATH with its files (append-only log) under the data directory. */
export async function startRedis(
  dataDir: string,
  logger: ServiceLogger,
  options: { port?: number; persistent?: boolean } = {},
): Promise<EmbeddedRedis> {
  const binary = await onPath('redis-server');
  if (!binary) throw new RedisUnavailableError();
  const dir = path.join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await preferredPort(6380));
  const url = new URL(`redis://127.0.0.1:${port}`);
  const persistent = options.persistent ?? true;
  const process = new SupervisedProcess({
    name: 'redis',
    command: binary,
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      persistent ? 'yes' : 'no',
      '--daemonize',
      'no',
    ],
    cwd: dir,
    logger,
    pidFile: path.join(dir, 'redis-server.pid'),
    ready: () => waitFor('redis-server', () => pingRedis(url), 15_000),
  });
  await process.start();
  logger.info({ component: 'redis', url: url.toString() }, 'embedded redis-server started');
  return { url, process };
}
