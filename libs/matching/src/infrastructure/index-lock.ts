import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OfferIndexLock } from '../application/ports/index-lock.js';

const INDEX_LOCK = 'passerelle:offers-index';

/**
 * Runs `work` holding the offers-index lock: the outbox consumer and a full reindex never write at
 * the same time, so changes made during a reindex wait in the outbox and reach the new index.
 * With `wait: false`, returns null at once when someone else holds it.
 */
export async function withIndexLock<T>(
  dataSource: DataSource,
  wait: boolean,
  work: () => Promise<T>,
): Promise<T | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (wait) await runner.query('SELECT pg_advisory_lock(hashtext($1))', [INDEX_LOCK]);
    else {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        INDEX_LOCK,
      ])) as [{ locked: boolean }];
      if (!locked) return null;
    }
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [INDEX_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** The offers-index lock as a PostgreSQL session advisory lock, on a connection of its own. */
@Injectable()
export class PgOfferIndexLock extends OfferIndexLock {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  hold<T>(wait: boolean, work: () => Promise<T>): Promise<T | null> {
    return withIndexLock(this.dataSource, wait, work);
  }
}
