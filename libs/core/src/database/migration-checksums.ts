import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Anything that can run a query: a DataSource or a QueryRunner. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Refuses to start on a database where a migration that was applied has changed since: the schema
 * it describes is no longer the schema the database has. Migrations are immutable once merged.
 */
export class MigrationChangedError extends Error {
  constructor(
    readonly migration: string,
    readonly file: string,
  ) {
    super(
      `migration ${file} (${migration}) has changed since it was applied to this database; ` +
        'migrations are immutable once merged: restore the file as it was and put the change in a new migration',
    );
    this.name = 'MigrationChangedError';
  }
}

/**
 * What `up()` or `down()` would send to PostgreSQL, captured by a stand-in query runner that answers
 * every query with no rows. Only `query()` is offered: a migration that used TypeORM's schema builder
 * (`createTable`...) could not be checksummed this way, so it fails loudly here (and in the unit test).
 */
async function statementsOf(migration: MigrationInterface, direction: 'up' | 'down'): Promise<string[]> {
  const statements: string[] = [];
  const runner = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'query')
          return (sql: string, parameters?: unknown[]) => {
            statements.push(JSON.stringify([sql, parameters ?? []]));
            return Promise.resolve([]);
          };
        if (property === 'then') return undefined;
        throw new Error(
          `migration ${migration.name ?? migration.constructor.name} uses QueryRunner.${String(property)}: only query() can be checksummed`,
        );
      },
    },
  ) as QueryRunner;
  await migration[direction](runner);
  return statements;
}

/**
 * The checksum of a migration: SHA-256 of the SQL text (and parameters) its `up()` and `down()` send,
 * in order, as JSON. It depends on what the migration does to the database, not on how the
 * TypeScript was compiled (swc for dist/, @swc/jest for tests, coverage instrumentation) nor on its
 * comments or formatting outside the SQL; any change to a statement, even whitespace inside one,
 * changes it.
 */
export async function migrationChecksum(Migration: MigrationClass): Promise<string> {
  const migration = new Migration();
  const up = await statementsOf(migration, 'up');
  const down = await statementsOf(migration, 'down');
  return createHash('sha256').update(JSON.stringify({ up, down })).digest('hex');
}

/** `OfferPlacePrecision1764000016000` → `libs/core/src/database/migrations/1764000016000-offer-place-precision.ts`. */
export function migrationFile(name: string): string {
  const match = /^([A-Za-z]+?)(\d{13})$/.exec(name);
  if (!match) return name;
  const words = match[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return `libs/core/src/database/migrations/${match[2]}-${words}.ts`;
}

async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const rows = (await db.query('SELECT to_regclass($1) IS NOT NULL AS present', [table])) as Array<{
    present: boolean;
  }>;
  return rows[0]?.present === true;
}

/**
 * Compares every recorded checksum with the migration this build holds under the same name and throws
 * MigrationChangedError, naming the file, at the first that differs. With `record`, writes the
 * checksum of each applied migration that has none yet: the ones just applied, and on the first run
 * of this code on an existing database, all earlier ones (their current text is taken as merged).
 * Recorded names this build does not know are left alone (TypeORM ignores them too).
 */
export async function checkMigrationChecksums(
  db: Queryable,
  migrations: readonly MigrationClass[],
  options: { record: boolean },
): Promise<{ recorded: string[] }> {
  if (!(await tableExists(db, 'typeorm_migrations')) || !(await tableExists(db, 'migration_checksum')))
    return { recorded: [] };
  const known = new Map<string, MigrationClass>();
  for (const Migration of migrations) known.set(new Migration().name ?? Migration.name, Migration);
  const rows = (await db.query('SELECT name, checksum FROM migration_checksum')) as Array<{
    name: string;
    checksum: string;
  }>;
  const recordedNames = new Set<string>();
  for (const row of rows) {
    recordedNames.add(row.name);
    const Migration = known.get(row.name);
    if (!Migration) continue;
    if ((await migrationChecksum(Migration)) !== row.checksum)
      throw new MigrationChangedError(row.name, migrationFile(row.name));
  }
  if (!options.record) return { recorded: [] };
  const applied = (await db.query('SELECT name FROM typeorm_migrations ORDER BY id')) as Array<{ name: string }>;
  const recorded: string[] = [];
  for (const { name } of applied) {
    const Migration = known.get(name);
    if (!Migration || recordedNames.has(name)) continue;
    await db.query('INSERT INTO migration_checksum (name, checksum) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      await migrationChecksum(Migration),
    ]);
    recorded.push(name);
  }
  return { recorded };
}
