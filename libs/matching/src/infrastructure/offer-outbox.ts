import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OfferOutbox } from '@passerelle/offers';
import { OfferOutboxStore } from '../application/ports/offer-outbox.js';

/**
 * The offer outbox: the table is the offers context's, its rows read and removed through its door
 * (OfferOutbox), never by SQL here (ADR 0010).
 */
@Injectable()
export class SqlOfferOutboxStore extends OfferOutboxStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OfferOutbox,
  ) {
    super();
  }

  next(afterId: string | null, limit: number): Promise<Array<{ id: string; offer_id: string }>> {
    return this.outbox.next(this.dataSource.manager, afterId, limit);
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.outbox.remove(this.dataSource.manager, ids);
  }
}
