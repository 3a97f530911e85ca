import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { importReferentialInto } from '@passerelle/referential';
import {
  createProcessLogger,
  dataSourceOptions,
  ensureDatabase,
  migrateDatabase,
  pingRedis,
  startMeilisearch,
  startRedis,
} from '@passerelle/core';
import { assertTestDatabaseName, TEST_RUN_VARIABLE, type TestRun } from './test-run.js';
import { setGlobalResources } from './global-resources.js';

/**
 * Once per jest run: starts a Meilisearch of its own, finds Redis, and prepares a migrated template
 * database that each test file copies. Runs from dist/ (see global-setup.mjs).
 */
export async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), `passerelle-test-${runId}-`));
  // Embedded PostgreSQL runs as a dedicated user when we are root: it must be able to traverse here.
  await chmod(tmpDir, 0o755);
  const logger = createProcessLogger('warn', 'test');

  const postgresServerUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const templateDatabase = `passerelle_test_${runId}_tpl`;
  assertTestDatabaseName(templateDatabase);
  const templateUrl = new URL(postgresServerUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await ensureDatabase(templateUrl);
  await migrateDatabase({ database: { url: templateUrl, migrateOnStart: true, poolSize: 2 } });
  // Copies need the template to have no open connection: migrateDatabase closed its own.
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${templateDatabase}" WITH IS_TEMPLATE true`);
  // A second template with the reference data imported, for the tests that need ROME and communes.
  const referentialTemplate = `passerelle_test_${runId}_tplref`;
  await admin.query(`CREATE DATABASE "${referentialTemplate}" TEMPLATE "${templateDatabase}"`);
  const referentialUrl = new URL(postgresServerUrl);
  referentialUrl.pathname = `/${referentialTemplate}`;
  const dataSource = await new DataSource({
    ...dataSourceOptions({ database: { url: referentialUrl, migrateOnStart: false, poolSize: 2 } }),
  }).initialize();
  await importReferentialInto(dataSource);
  await dataSource.destroy();
  await admin.query(`ALTER DATABASE "${referentialTemplate}" WITH IS_TEMPLATE true`);
  await admin.end();

  let redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let redisStop: (() => Promise<void>) | undefined;
  if (!(await pingRedis(new URL(redisUrl)))) {
    const redis = await startRedis(path.join(tmpDir, 'redis'), logger, { persistent: false });
    redisUrl = redis.url.toString();
    redisStop = () => redis.process.stop();
  }

  const meili = await startMeilisearch(path.join(tmpDir, 'meili'), logger, { maxRestarts: 0 });
  setGlobalResources({ stops: [() => meili.process.stop(), ...(redisStop ? [redisStop] : [])] });

  const run: TestRun = {
    runId,
    postgresServerUrl,
    templateDatabase,
    referentialTemplateDatabase: referentialTemplate,
    redisUrl,
    meiliUrl: meili.url.toString(),
    meiliMasterKey: meili.masterKey,
    tmpDir,
  };
  process.env[TEST_RUN_VARIABLE] = JSON.stringify(run);
}
