import { DataSource } from 'typeorm';
import type { ResolvedConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { checkMigrationChecksums } from '../database/migration-checksums.js';
import { MIGRATIONS } from '../database/migration-registry.js';
import { type MigrationReport, runMigrations } from '../database/run-migrations.js';

/** Opens a short-lived connection, applies pending migrations under the advisory lock, closes. */
export async function migrateDatabase(config: Pick<ResolvedConfig, 'database'>): Promise<MigrationReport> {
  return withShortConnection(config, (dataSource) => runMigrations(dataSource));
}

/**
 * For a process that does not migrate (`DB_MIGRATE_ON_START=false`): throws MigrationChangedError
 * when an applied migration has changed since, and records nothing.
 */
export async function verifyMigrations(config: Pick<ResolvedConfig, 'database'>): Promise<void> {
  await withShortConnection(config, (dataSource) => checkMigrationChecksums(dataSource, MIGRATIONS, { record: false }));
}

async function withShortConnection<T>(
  config: Pick<ResolvedConfig, 'database'>,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions(config, 'passerelle-migrate'), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
