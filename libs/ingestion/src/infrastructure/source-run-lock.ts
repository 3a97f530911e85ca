import type { DataSource } from 'typeorm';

/**
 * Runs `work` holding the source's run lock (a session advisory lock on its own connection): one
 * run per source at a time across every process. Returns null at once when another run holds it.
 */
export async function withSourceRunLock<T>(
  dataSource: DataSource,
  sourceId: string,
  work: () => Promise<T>,
): Promise<{ result: T } | null> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `ingest:${sourceId}`,
    ])) as [{ locked: boolean }];
    if (!locked) return null;
    try {
      return { result: await work() };
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`ingest:${sourceId}`]);
    }
  } finally {
    await lock.release();
  }
}
