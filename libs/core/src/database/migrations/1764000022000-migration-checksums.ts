import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Migrations are immutable once merged: each applied migration's checksum (see
 * database/migration-checksums.ts for how it is computed) is recorded here, and every process
 * refuses to start when a migration it would have applied differently has changed. Rows for the
 * migrations applied before this one are written by the first process that runs the new code.
 */
export class MigrationChecksums1764000022000 implements MigrationInterface {
  name = 'MigrationChecksums1764000022000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE migration_checksum (
        name text PRIMARY KEY,
        checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE migration_checksum');
  }
}
