import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * A random secret made once per installation and kept in `app_setting` (core's table) under `key`:
 * the first caller stores it, every later one reads the same (a context's pseudonyms stay stable
 * across restarts and processes). The door other contexts use instead of writing `app_setting`.
 */
export async function installationSecret(manager: EntityManager, key: string, bytes = 32): Promise<Buffer> {
  await manager.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`,
    [key, randomBytes(bytes).toString('base64')],
  );
  const rows: Array<{ value: string }> = await manager.query('SELECT value FROM app_setting WHERE key = $1', [key]);
  return Buffer.from(rows[0].value, 'base64');
}
