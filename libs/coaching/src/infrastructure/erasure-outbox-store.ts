import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { ErasureOutboxStore, type PendingErasure } from '../application/ports/erasure-outbox-store.js';

/** The `BeneficiaryErased` outbox (`beneficiary_erased_event`): which handlers are done with each event. */
@Injectable()
export class SqlErasureOutboxStore extends ErasureOutboxStore {
  /** Recorded in coaching's erasure transaction, with the file's own statements. */
  override async record(manager: EntityManager, beneficiaryId: string, cause: 'request' | 'retention'): Promise<void> {
    await manager.query('INSERT INTO beneficiary_erased_event (beneficiary_id, cause) VALUES ($1, $2)', [
      beneficiaryId,
      cause,
    ]);
  }

  override async pending(manager: EntityManager, limit: number): Promise<PendingErasure[]> {
    const rows: Array<{ id: string; beneficiary_id: string; cause: 'request' | 'retention'; handled_by: string[] }> =
      await manager.query(
        `SELECT id::text, beneficiary_id, cause, handled_by FROM beneficiary_erased_event
         WHERE completed_at IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
    return rows.map((row) => ({
      id: row.id,
      beneficiaryId: row.beneficiary_id,
      cause: row.cause,
      handledBy: row.handled_by,
    }));
  }

  /**
   * The handlers done with the event, locked until the transaction ends; null when another worker
   * holds it (it waits its turn rather than running the same handler).
   */
  override async lockHandledBy(manager: EntityManager, eventId: string): Promise<string[] | null> {
    const rows: Array<{ handled_by: string[] }> = await manager.query(
      'SELECT handled_by FROM beneficiary_erased_event WHERE id = $1 FOR UPDATE SKIP LOCKED',
      [eventId],
    );
    return rows.at(0)?.handled_by ?? null;
  }

  override async markHandled(manager: EntityManager, eventId: string, handler: string): Promise<void> {
    await manager.query('UPDATE beneficiary_erased_event SET handled_by = array_append(handled_by, $2) WHERE id = $1', [
      eventId,
      handler,
    ]);
  }

  override async countFailure(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query('UPDATE beneficiary_erased_event SET attempts = attempts + 1 WHERE id = $1', [eventId]);
  }

  /** Marks the event complete when every handler of `handlers` is in; true when it did. */
  override async completeIfHandledBy(
    manager: EntityManager,
    eventId: string,
    handlers: readonly string[],
  ): Promise<boolean> {
    const done = await updateReturning(
      manager,
      `UPDATE beneficiary_erased_event SET completed_at = now()
       WHERE id = $1 AND completed_at IS NULL AND handled_by @> $2::text[] RETURNING id`,
      [eventId, handlers],
    );
    return done.length > 0;
  }
}
