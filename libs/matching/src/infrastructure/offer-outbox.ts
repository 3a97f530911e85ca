import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OfferOutbox } from '@passerelle/offers';
import { type HeldOutboxBatch, OfferOutboxStore } from '../application/ports/offer-outbox.js';

/**
 * The offer outbox: the table is the offers context's, its rows taken and removed through its door
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

  /** The oldest rows, locked until the transaction ends (another worker skips them). */
  take(manager: EntityManager, limit: number): Promise<Array<{ id: string; offer_id: string }>> {
    return this.outbox.take(manager, limit);
  }

  async remove(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await this.outbox.remove(manager, ids);
  }

  /**
   * The oldest rows not locked by another transaction, locked in a transaction of their own that
   * stays open until `complete` or `abandon`: the sync reads the next batch while the previous one is
   * still being indexed.
   */
  async hold(limit: number): Promise<HeldOutboxBatch> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const end = async (work: () => Promise<void>): Promise<void> => {
      try {
        await work();
      } finally {
        if (!runner.isReleased) await runner.release();
      }
    };
    try {
      await runner.startTransaction();
      const rows = await this.take(runner.manager, limit);
      return {
        rows,
        manager: runner.manager,
        complete: () =>
          end(async () => {
            if (rows.length > 0)
              await this.remove(
                runner.manager,
                rows.map((row) => row.id),
              );
            await runner.commitTransaction();
          }),
        abandon: () =>
          end(async () => {
            if (runner.isTransactionActive) await runner.rollbackTransaction();
          }),
      };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }
}
