import type { EntityManager } from 'typeorm';

/**
 * Takes a transaction-level advisory lock (released at commit or rollback): processes starting
 * together (API, worker) run a one-off task one after the other.
 */
export async function advisoryXactLock(manager: EntityManager, key: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
