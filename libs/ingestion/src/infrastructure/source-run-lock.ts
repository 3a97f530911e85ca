import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SourceRunLock } from '../application/ports/source-run-lock.js';

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

/** The run lock as a PostgreSQL session advisory lock. */
@Injectable()
export class PgSourceRunLock extends SourceRunLock {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  hold<T>(sourceId: string, work: () => Promise<T>): Promise<{ result: T } | null> {
    return withSourceRunLock(this.dataSource, sourceId, work);
  }
}
