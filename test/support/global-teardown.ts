import { rm } from 'node:fs/promises';
import pg from 'pg';
import { Redis } from 'ioredis';
import { takeGlobalResources } from './global-resources.js';
import { currentTestRun } from './test-run.js';

/** Drops the run's databases, Redis keys and Meilisearch, so runs leave nothing behind. */
export async function globalTeardown(): Promise<void> {
  const run = currentTestRun();
  for (const stop of takeGlobalResources().stops) await stop().catch(() => undefined);

  const admin = new pg.Client({ connectionString: run.postgresServerUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `passerelle_test_${run.runId}%`,
    ]);
    for (const { datname } of rows) {
      await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }

  const redis = new Redis(run.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `t${run.runId}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis gone already: nothing of ours to clean.
  } finally {
    redis.disconnect();
  }
  await rm(run.tmpDir, { recursive: true, force: true });
}
