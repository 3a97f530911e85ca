import { Injectable } from '@nestjs/common';
import { OfferIndexLock } from './ports/index-lock.js';
import { OfferDocuments } from './ports/offer-documents.js';
import { OfferIndex, type RebuildPhases } from './ports/offer-index.js';

/**
 * Documents per indexing task during a reindex, the first page too. Meilisearch indexes what waits
 * in its queue as one batch, and a batch costs more than its documents: a smaller first page (1,000,
 * so that Meilisearch started sooner) was a batch of its own of 1.5 to 4.5 s, against 3.1 to 5.5 s
 * for raw indexing's first 5,000, and left one more batch for the rest.
 */
const PAGE = 5_000;

export interface ReindexReport {
  readonly documents: number;
  readonly durationMs: number;
  /** Where the time went (see RebuildPhases). */
  readonly phases: RebuildPhases;
}

/**
 * Rebuilds the offers index from Postgres into a new index, then swaps it in: searches never see a
 * half-built index. Changes made meanwhile wait in the outbox (the sync is held off) and are
 * applied to the new index right after.
 */
@Injectable()
export class ReindexOffers {
  constructor(
    private readonly lock: OfferIndexLock,
    private readonly index: OfferIndex,
    private readonly documents: OfferDocuments,
  ) {}

  async execute(onProgress?: (indexed: number) => void): Promise<ReindexReport> {
    const started = Date.now();
    const report = await this.lock.hold(true, async () => {
      const { documents, phases } = await this.index.rebuild(this.documents.all(PAGE), onProgress);
      return { documents, durationMs: Date.now() - started, phases };
    });
    return report!;
  }
}
