import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, awaitTask, type ResolvedConfig, SearchIndexes } from '@passerelle/core';
import { OFFERS_INDEX } from '../infrastructure/offers-index.js';
import { withIndexLock } from '../infrastructure/index-lock.js';
import { OfferDocuments } from '../infrastructure/offer-documents.js';

/** Documents per Meilisearch task during a reindex, and how many tasks may wait at once. */
const PAGE = 5_000;
const IN_FLIGHT = 3;

export interface ReindexReport {
  readonly documents: number;
  readonly durationMs: number;
}

/**
 * Rebuilds the offers index from Postgres into a new index, then swaps it in: searches never see a
 * half-built index. Changes made meanwhile wait in the outbox (the sync is held off) and are
 * applied to the new index right after.
 */
@Injectable()
export class ReindexOffers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly documents: OfferDocuments,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(onProgress?: (indexed: number) => void): Promise<ReindexReport> {
    const started = Date.now();
    const live = this.indexes.uid(OFFERS_INDEX.name);
    const next = `${live}_next`;
    const timeout = this.config.meilisearch.taskTimeoutMs;
    const report = await withIndexLock(this.dataSource, true, async () => {
      await this.indexes.ensure(OFFERS_INDEX);
      await this.drop(next);
      await this.indexes.ensure(OFFERS_INDEX, next);
      let indexed = 0;
      // Pipelined: the next page is read and built while Meilisearch indexes the previous ones (it
      // batches the tasks waiting in its queue together); at most IN_FLIGHT pages wait in memory.
      const inFlight: Array<Promise<void>> = [];
      try {
        for await (const page of this.documents.all(PAGE)) {
          const done = awaitTask(this.meili, this.meili.index(next).addDocuments(page), timeout).then(() => {
            indexed += page.length;
            onProgress?.(indexed);
          });
          // Awaited in order below; a failure meanwhile must not surface as an unhandled rejection.
          done.catch(() => undefined);
          inFlight.push(done);
          if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        }
        for (const done of inFlight.splice(0)) await done;
      } finally {
        await Promise.allSettled(inFlight);
      }
      await awaitTask(this.meili, this.meili.swapIndexes([{ indexes: [live, next], rename: false }]), timeout);
      await this.drop(next);
      return { documents: indexed, durationMs: Date.now() - started };
    });
    return report!;
  }

  private async drop(uid: string): Promise<void> {
    try {
      await awaitTask(this.meili, this.meili.deleteIndex(uid), this.config.meilisearch.taskTimeoutMs);
    } catch (error) {
      const missing = error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found';
      const failedMissing = error instanceof Error && /index_not_found/.test(error.message);
      if (!missing && !failedMissing) throw error;
    }
  }
}
