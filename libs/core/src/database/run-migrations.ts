import type { DataSource } from 'typeorm';
import { checkMigrationChecksums } from './migration-checksums.js';
import { MIGRATIONS } from './migration-registry.js';

/** Any fixed number: every Passerelle process takes the same lock before migrating. */
const MIGRATION_LOCK_ID = 7_140_211_001;

export interface MigrationReport {
  readonly applied: string[];
}

/**
 * Applies pending migrations, each in its own transaction, under a session-level advisory lock so
 * that an API and a worker starting together never race: the second waits, then finds nothing to do.
 * Before, refuses (MigrationChangedError) when an applied migration has changed; after, records the
 * checksums of the migrations that have none (see migration-checksums.ts).
 */
export async function runMigrations(dataSource: DataSource): Promise<MigrationReport> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await checkMigrationChecksums(lockRunner, MIGRATIONS, { record: false });
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await checkMigrationChecksums(lockRunner, MIGRATIONS, { record: true });
    return { applied: applied.map((migration) => migration.name) };
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lockRunner.release();
  }
}
