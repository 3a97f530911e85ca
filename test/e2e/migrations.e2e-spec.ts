import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateDatabase, MIGRATIONS } from '@passerelle/core';
import { createTestContext, spawnBuilt, type TestContext } from '@passerelle/testing';

describe('database migrations', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext({ migrated: false });
  });

  afterAll(async () => {
    await context?.cleanup();
  });

  it('never synchronizes the schema from entities', () => {
    expect(dataSourceOptions(context.config).synchronize).toBe(false);
  });

  it('applies every migration once, even when two processes start together', async () => {
    const reports = await Promise.all([migrateDatabase(context.config), migrateDatabase(context.config)]);
    const applied = reports.flatMap((report) => report.applied);
    expect(applied.sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());

    const dataSource = await new DataSource(dataSourceOptions(context.config)).initialize();
    try {
      const rows: Array<{ name: string }> = await dataSource.query('SELECT name FROM typeorm_migrations ORDER BY id');
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      const tables: Array<{ table_name: string }> = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.map((table) => table.table_name)).toContain('app_setting');
    } finally {
      await dataSource.destroy();
    }
  });

  it('cli migrate reports nothing to apply on an up-to-date database', async () => {
    const migrate = spawnBuilt('apps/cli/src/main.js', ['migrate'], context.env);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain('migrate: nothing to apply');
    expect(migrate.output()).toContain('{"applied":[]}');
  });
});
