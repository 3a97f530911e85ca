import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MIGRATIONS, migrationChecksum } from '@passerelle/core';
import { createTestContext, spawnBuilt, type TestContext } from '@passerelle/testing';

const TAMPERED = 'AuditChain1764000012000';
const TAMPERED_FILE = 'libs/core/src/database/migrations/1764000012000-audit-chain.ts';

describe('migrations are immutable once applied', () => {
  let context: TestContext;
  let db: pg.Client;

  beforeAll(async () => {
    context = await createTestContext();
    db = new pg.Client({ connectionString: context.config.database.url.toString() });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await context?.cleanup();
  });

  async function recorded(): Promise<Record<string, string>> {
    const { rows } = await db.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM migration_checksum',
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.checksum]));
  }

  it('backfills the checksum of every applied migration on a database that has none', async () => {
    await db.query('DELETE FROM migration_checksum');
    const migrate = spawnBuilt('apps/cli/src/main.js', ['migrate'], context.env);
    expect(await migrate.exited).toBe(0);
    const expected: Record<string, string> = {};
    for (const Migration of MIGRATIONS)
      expected[new Migration().name ?? Migration.name] = await migrationChecksum(Migration);
    expect(await recorded()).toEqual(expected);
  });

  it('refuses to start the API, the worker and a CLI command, naming the file, when an applied migration changed', async () => {
    await db.query(`UPDATE migration_checksum SET checksum = repeat('0', 64) WHERE name = $1`, [TAMPERED]);
    const runs = [
      spawnBuilt('apps/api/src/main.js', [], { ...context.env, PORT: '0' }),
      spawnBuilt('apps/worker/src/main.js', [], context.env),
      // A process that does not migrate checks all the same.
      spawnBuilt('apps/worker/src/main.js', [], { ...context.env, DB_MIGRATE_ON_START: 'false' }),
      spawnBuilt('apps/cli/src/main.js', ['migrate'], context.env),
    ];
    for (const run of runs) {
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`migration ${TAMPERED_FILE} (${TAMPERED}) has changed`);
    }
    // Nothing was rewritten: the tampered value stays until someone restores the file or the row.
    expect((await recorded())[TAMPERED]).toBe('0'.repeat(64));
  });
});
