import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, awaitTask, type ResolvedConfig, SearchIndexes } from '@passerelle/core';
import { withIndexLock } from '../infrastructure/index-lock.js';
import { OfferDocuments } from '../infrastructure/offer-documents.js';
import { OFFERS_INDEX } from '../infrastructure/offers-index.js';

export interface ReconcileReport {
  readonly expected: number;
  readonly indexed: number;
  /** In Postgres (open, canonical) but not in the index. */
  readonly missing: number;
  /** In the index with older content than Postgres. */
  readonly stale: number;
  /** In the index but closed, duplicate or gone in Postgres. */
  readonly extra: number;
  readonly repaired: boolean;
}

/** Compares the index with Postgres, the source of truth, and (with `repair`) puts it right. */
@Injectable()
export class ReconcileOffersIndex {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly documents: OfferDocuments,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(repair: boolean): Promise<ReconcileReport> {
    const report = await withIndexLock(this.dataSource, true, async () => {
      await this.indexes.ensure(OFFERS_INDEX);
      const index = this.meili.index(this.indexes.uid(OFFERS_INDEX.name));
      const expected = await this.documents.expectedStamps();
      const indexed = new Map<string, string>();
      for (let offset = 0; ; offset += 10_000) {
        const page = await index.getDocuments<{ id: string; stamp: string }>({
          fields: ['id', 'stamp'],
          limit: 10_000,
          offset,
        });
        for (const document of page.results) indexed.set(document.id, document.stamp);
        if (page.results.length < 10_000) break;
      }
      const missing = [...expected.keys()].filter((id) => !indexed.has(id));
      const stale = [...expected.entries()]
        .filter(([id, stamp]) => indexed.has(id) && indexed.get(id) !== stamp)
        .map(([id]) => id);
      const extra = [...indexed.keys()].filter((id) => !expected.has(id));
      if (repair) {
        const timeout = this.config.meilisearch.taskTimeoutMs;
        const toWrite = [...missing, ...stale];
        for (let start = 0; start < toWrite.length; start += 5_000) {
          const { upserts } = await this.documents.forIds(toWrite.slice(start, start + 5_000));
          if (upserts.length > 0) await awaitTask(this.meili, index.addDocuments(upserts), timeout);
        }
        if (extra.length > 0) await awaitTask(this.meili, index.deleteDocuments(extra), timeout);
      }
      return {
        expected: expected.size,
        indexed: indexed.size,
        missing: missing.length,
        stale: stale.length,
        extra: extra.length,
        repaired: repair,
      };
    });
    return report!;
  }
}
