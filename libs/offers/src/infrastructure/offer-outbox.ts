import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The offers context's door to its outbox (`offer_outbox`, ADR 0010): a row per offer change,
 * written by OfferStore in the change's transaction; its reader (matching's index sync) takes the
 * oldest rows and removes them once handled, in its own transaction, without touching the table.
 */
@Injectable()
export class OfferOutbox {
  /** The oldest rows, locked until the transaction ends (another worker skips them). */
  take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>> {
    return manager.query('SELECT id, offer_id FROM offer_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [limit]);
  }

  /** Removes rows handled (taken in the same transaction). */
  async remove(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM offer_outbox WHERE id = ANY($1)', [[...ids]]);
  }
}
