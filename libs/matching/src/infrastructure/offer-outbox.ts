import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfferOutboxStore } from '../application/ports/offer-outbox.js';

/** The offer outbox in the `offer_outbox` table. */
@Injectable()
export class SqlOfferOutboxStore extends OfferOutboxStore {
  /** The oldest rows, locked until the transaction ends (another worker skips them). */
  take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>> {
    return manager.query('SELECT id, offer_id FROM offer_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [limit]);
  }

  async remove(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM offer_outbox WHERE id = ANY($1)', [[...ids]]);
  }
}
