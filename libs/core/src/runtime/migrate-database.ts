import { DataSource } from 'typeorm';
import type { ResolvedConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { type MigrationReport, runMigrations } from '../database/run-migrations.js';

/** Opens a short-lived connection, applies pending migrations under the advisory lock, closes. */
export async function migrateDatabase(config: Pick<ResolvedConfig, 'database'>): Promise<MigrationReport> {
  const dataSource = new DataSource({ ...dataSourceOptions(config, 'passerelle-migrate'), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
