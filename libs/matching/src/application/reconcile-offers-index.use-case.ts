import { Injectable } from '@nestjs/common';
import { OfferIndexLock } from './ports/index-lock.js';
import { OfferDocuments } from './ports/offer-documents.js';
import { OfferIndex } from './ports/offer-index.js';

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
    private readonly lock: OfferIndexLock,
    private readonly index: OfferIndex,
    private readonly documents: OfferDocuments,
  ) {}

  async execute(repair: boolean): Promise<ReconcileReport> {
    const report = await this.lock.hold(true, async () => {
      await this.index.ensure();
      const expected = await this.documents.expectedStamps();
      const indexed = await this.index.stamps();
      const missing = [...expected.keys()].filter((id) => !indexed.has(id));
      const stale = [...expected.entries()]
        .filter(([id, stamp]) => indexed.has(id) && indexed.get(id) !== stamp)
        .map(([id]) => id);
      const extra = [...indexed.keys()].filter((id) => !expected.has(id));
      if (repair) {
        const toWrite = [...missing, ...stale];
        for (let start = 0; start < toWrite.length; start += 5_000) {
          const { upserts } = await this.documents.forIds(toWrite.slice(start, start + 5_000));
          if (upserts.length > 0) await this.index.upsert(upserts);
        }
        if (extra.length > 0) await this.index.remove(extra);
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
