import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The offers context's door to its outbox (`offer_outbox`, ADR 0010): a row per offer change,
 * written by OfferStore in the change's transaction; its reader (matching's index sync, one at a
 * time under the offers-index lock) reads the oldest rows and removes them once handled, without
 * touching the table.
 */
@Injectable()
export class OfferOutbox {
  /** The oldest rows after `afterId` (all of them from the start when null), in order. */
  next(
    manager: EntityManager,
    afterId: string | null,
    limit: number,
  ): Promise<Array<{ id: string; offer_id: string }>> {
    return afterId === null
      ? manager.query('SELECT id, offer_id FROM offer_outbox ORDER BY id LIMIT $1', [limit])
      : manager.query('SELECT id, offer_id FROM offer_outbox WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
  }

  /** Removes rows handled. */
  async remove(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM offer_outbox WHERE id = ANY($1)', [[...ids]]);
  }
}
