import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OfferOutbox } from '@passerelle/offers';

/**
 * The offer outbox: a row per offer change, written in the change's transaction by the offers
 * context, drained into the index in order. The table is the offers context's: its rows are taken
 * and removed through its door (OfferOutbox), never by SQL here (ADR 0010).
 */
@Injectable()
export class OfferOutboxStore {
  constructor(private readonly outbox: OfferOutbox) {}

  /** The oldest rows, locked until the transaction ends (another worker skips them). */
  take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>> {
    return this.outbox.take(manager, limit);
  }

  async remove(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await this.outbox.remove(manager, ids);
  }
}
