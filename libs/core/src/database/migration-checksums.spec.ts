import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  checkMigrationChecksums,
  MigrationChangedError,
  migrationChecksum,
  migrationFile,
} from './migration-checksums.js';
import { MIGRATIONS } from './migration-registry.js';

class AddThing1700000000000 implements MigrationInterface {
  name = 'AddThing1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    // A comment is not part of the checksum: only what reaches PostgreSQL.
    await runner.query('CREATE TABLE thing (id int)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE thing');
  }
}

class AddThingEdited1700000000000 implements MigrationInterface {
  name = 'AddThing1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE thing (id bigint)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE thing');
  }
}

class SchemaBuilder1700000000001 implements MigrationInterface {
  name = 'SchemaBuilder1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.dropTable('thing');
  }
  async down(): Promise<void> {}
}

/** An in-memory stand-in for the two tables the check reads and writes. */
function fakeDatabase(applied: string[], recorded: Record<string, string>) {
  const inserted: Array<[string, string]> = [];
  return {
    inserted,
    query(sql: string, parameters: unknown[] = []): Promise<unknown> {
      return Promise.resolve(answer(sql, parameters));
    },
  };
  function answer(sql: string, parameters: unknown[]): unknown {
    if (sql.includes('to_regclass')) return [{ present: true }];
    if (sql.startsWith('SELECT name, checksum'))
      return Object.entries(recorded).map(([name, checksum]) => ({ name, checksum }));
    if (sql.startsWith('SELECT name FROM typeorm_migrations')) return applied.map((name) => ({ name }));
    if (sql.startsWith('INSERT INTO migration_checksum')) {
      inserted.push([parameters[0] as string, parameters[1] as string]);
      return [];
    }
    throw new Error(`unexpected query ${sql}`);
  }
}

describe('migration checksums', () => {
  it('checksums every registered migration, each named after a file that exists', async () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    for (const Migration of MIGRATIONS) {
      expect(await migrationChecksum(Migration)).toMatch(/^[0-9a-f]{64}$/);
      const name = new Migration().name ?? Migration.name;
      expect(existsSync(path.join(root, migrationFile(name)))).toBe(true);
    }
  });

  it('gives the same checksum twice and another one when a statement changes', async () => {
    const first = await migrationChecksum(AddThing1700000000000);
    expect(await migrationChecksum(AddThing1700000000000)).toBe(first);
    expect(await migrationChecksum(AddThingEdited1700000000000)).not.toBe(first);
  });

  it('refuses a migration that uses the schema builder instead of query()', async () => {
    await expect(migrationChecksum(SchemaBuilder1700000000001)).rejects.toThrow('uses QueryRunner.dropTable');
  });

  it('names the file of an applied migration whose checksum changed', async () => {
    const recorded = { AddThing1700000000000: await migrationChecksum(AddThing1700000000000) };
    const db = fakeDatabase(['AddThing1700000000000'], recorded);
    const check = checkMigrationChecksums(db, [AddThingEdited1700000000000], { record: true });
    await expect(check).rejects.toThrow(MigrationChangedError);
    await expect(check).rejects.toThrow('libs/core/src/database/migrations/1700000000000-add-thing.ts');
    expect(db.inserted).toEqual([]);
  });

  it('records the applied migrations that have no checksum yet, and only with record', async () => {
    const db = fakeDatabase(['AddThing1700000000000'], {});
    expect(await checkMigrationChecksums(db, [AddThing1700000000000], { record: false })).toEqual({ recorded: [] });
    expect(db.inserted).toEqual([]);
    expect(await checkMigrationChecksums(db, [AddThing1700000000000], { record: true })).toEqual({
      recorded: ['AddThing1700000000000'],
    });
    expect(db.inserted).toEqual([['AddThing1700000000000', await migrationChecksum(AddThing1700000000000)]]);
  });
});

describe('the migration registry', () => {
  it('lists the migrations in the order PostgreSQL runs them: by the timestamp ending their name', () => {
    const stamps = MIGRATIONS.map((migration) => Number(/(\d{13})$/.exec(migration.name)?.[1]));
    expect(stamps.every((stamp) => Number.isFinite(stamp))).toBe(true);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });
});
