import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { isResolved, loadConfig, type ResolvedConfig } from '@passerelle/core';
import { assertTestDatabaseName, currentTestRun } from './test-run.js';

export interface TestContext {
  readonly config: ResolvedConfig;
  /** The same settings as environment variables, for spawned Passerelle processes. */
  readonly env: Record<string, string>;
  readonly databaseName: string;
  readonly dataDir: string;
  /** Drops the database. Redis keys and indexes go with the run in global-teardown. */
  cleanup(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: currentTestRun().postgresServerUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, isolated world for one test file: its own database (a copy of the migrated template,
 * or empty), its own queue and index prefixes, on the run's real PostgreSQL, Redis and Meilisearch.
 */
export async function createTestContext(
  options: { migrated?: boolean; referential?: boolean; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const run = currentTestRun();
  const id = randomBytes(4).toString('hex');
  const databaseName = `passerelle_test_${run.runId}_${id}`;
  assertTestDatabaseName(databaseName);
  await adminQuery(
    options.migrated === false
      ? `CREATE DATABASE "${databaseName}"`
      : `CREATE DATABASE "${databaseName}" TEMPLATE "${options.referential ? run.referentialTemplateDatabase : run.templateDatabase}"`,
  );
  const databaseUrl = new URL(run.postgresServerUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const dataDir = path.join(run.tmpDir, id);
  await mkdir(dataDir, { recursive: true });
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: run.redisUrl,
    MEILI_URL: run.meiliUrl,
    MEILI_MASTER_KEY: run.meiliMasterKey,
    QUEUE_PREFIX: `t${run.runId}_${id}`,
    MEILI_INDEX_PREFIX: `t${run.runId}_${id}_`,
    PASSERELLE_DATA_DIR: dataDir,
    // Requests refused on purpose would otherwise fill the output; spawned processes set their own.
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: '4',
    AUTH_JWT_SECRET: `test-only-secret-${run.runId}-0123456789abcdef`,
    AUTH_TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    // The fixture boards listen on loopback ports chosen at run time: the operator trusts them, as
    // FETCH_ALLOWED_HOSTS would an intranet board. The SSRF tests narrow this to see refusals.
    FETCH_ALLOWED_HOSTS: '127.0.0.1',
    ...options.env,
  };
  const config = loadConfig(env);
  if (!isResolved(config)) throw new Error('test context without service URLs');
  return {
    config,
    env,
    databaseName,
    dataDir,
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`),
  };
}
