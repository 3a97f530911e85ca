import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import pg from 'pg';
import { createProcessLogger, startPostgres } from '@passerelle/core';
import { currentTestRun } from '@passerelle/testing';

describe('embedded PostgreSQL (used when no PostgreSQL answers and DATABASE_URL is unset)', () => {
  it('initialises a cluster under the data directory, serves queries, and keeps data across restarts', async () => {
    const dataDir = path.join(currentTestRun().tmpDir, 'embedded-postgres');
    const logger = createProcessLogger('silent', 'test');
    const first = await startPostgres(dataDir, logger);
    try {
      const client = new pg.Client({ connectionString: first.url.toString() });
      await client.connect();
      await client.query('CREATE TABLE kept (value text)');
      await client.query(`INSERT INTO kept VALUES ('still here')`);
      await client.end();
    } finally {
      await first.stop();
    }
    const second = await startPostgres(dataDir, logger);
    try {
      const client = new pg.Client({ connectionString: second.url.toString() });
      await client.connect();
      const { rows } = await client.query<{ value: string }>('SELECT value FROM kept');
      await client.end();
      expect(rows).toEqual([{ value: 'still here' }]);
      expect(second.url.password).toMatch(/^[0-9a-f]{36}$/);
    } finally {
      await second.stop();
    }
  });
});
