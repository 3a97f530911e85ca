import { Injectable } from '@nestjs/common';
import { RecentlyUsedMap } from '@passerelle/core';
import { filterValue } from '../domain/profile.js';
import { type Hit, MATCH_ATTRIBUTES } from './match-scorer.js';
import { OfferIndex, type OfferIndexSearch } from './ports/offer-index.js';

/** An offer of the window: the kept offer and its ranking score (if asked for). */
export interface WindowHit {
  readonly hit: Hit;
  readonly rankingScore: number | undefined;
}

/** Offers kept in process for re-scoring, at most (one not read lately first out). */
const KEPT_MAX = 20_000;
/**
 * How long a kept offer is trusted without being read again. Its stamp (the offer's content hash)
 * tells an edited offer at once; this bounds the other changes of a document, those of the
 * referential behind its skills (a re-import, then a reindex).
 */
const KEPT_TTL_MS = 10 * 60_000;

/**
 * The window of a matched search: Meilisearch ranks and answers ids, content stamps and ranking
 * scores only; what re-scoring and the result list read of each offer comes from the offers kept
 * here, by id and stamp, and only those not kept (or changed since) are read from the index, in one
 * request. Reading 100 whole documents per search cost Meilisearch more than the vector search itself.
 */
@Injectable()
export class WindowHits {
  private readonly kept = new RecentlyUsedMap<
    string,
    { readonly stamp: string; readonly hit: Hit; readonly until: number }
  >(KEPT_MAX);

  constructor(private readonly index: OfferIndex) {}

  /**
   * The window's offers in Meilisearch's order, each the object kept for it (the same object search
   * after search while the offer is unchanged, so what is made of it once can be kept beside it),
   * with its ranking score when one was asked for.
   */
  async search(search: Omit<OfferIndexSearch, 'attributesToRetrieve'>): Promise<WindowHit[]> {
    const ranked = await this.index.search<{ id: string; stamp: string }>({
      ...search,
      attributesToRetrieve: ['id', 'stamp'],
    });
    const now = Date.now();
    const missing: string[] = [];
    for (const { id, stamp } of ranked.hits) {
      const kept = this.kept.get(id);
      if (!kept || kept.stamp !== stamp || kept.until <= now) missing.push(id);
    }
    if (missing.length > 0) {
      const read = await this.index.search<Hit & { stamp: string }>({
        filter: [`id IN [${missing.map(filterValue).join(', ')}]`],
        limit: missing.length,
        attributesToRetrieve: [...MATCH_ATTRIBUTES, 'stamp'],
      });
      for (const { stamp, ...hit } of read.hits) this.kept.set(hit.id, { stamp, hit, until: now + KEPT_TTL_MS });
    }
    const hits: WindowHit[] = [];
    for (const { id, stamp, _rankingScore } of ranked.hits) {
      const kept = this.kept.get(id);
      // Gone or changed between the two reads: left out of this answer rather than shown stale.
      if (!kept || kept.stamp !== stamp) continue;
      hits.push({ hit: kept.hit, rankingScore: _rankingScore });
    }
    return hits;
  }
}
