import pg from 'pg';

/**
 * Creates the database named in `url` when the server does not have it yet (the all-in-one start on
 * a fresh machine, a fresh test run). Connects to the `postgres` maintenance database to do it.
 */
export async function ensureDatabase(url: URL): Promise<boolean> {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-zA-Z0-9_]{1,63}$/.test(name)) {
    throw new Error(`database name ${JSON.stringify(name)} must be letters, digits or _`);
  }
  const maintenance = new URL(url.toString());
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } catch (error) {
    // Another process created it between our check and our CREATE.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}
