import { Injectable } from '@nestjs/common';
import { type ErrorDetail } from '@passerelle/core';
import { type OfferQuery, type OfferView, ReadOffers } from '@passerelle/offers';
import { filterValue } from '../domain/profile.js';
import { OfferIndex } from './ports/offer-index.js';
import { matchingError } from '../domain/matching-errors.js';

export interface OfferSearch extends OfferQuery {
  /** Keywords, searched in the offers index (accents, case and small typos do not matter). */
  readonly q?: string;
  /** `recent` (default): newest first; `relevance`: best keyword match first. */
  readonly sort?: 'recent' | 'relevance';
}

/**
 * The offers list of staff and coaches: with keywords, a Meilisearch search over every open offer
 * (not only the page on screen) with the same filters and paging, newest first by default; without,
 * the offers as Postgres holds them. The index holds open canonical offers only, so keywords with
 * closed offers or duplicates are refused by field rather than answered with a partial list.
 */
@Injectable()
export class SearchOffers {
  constructor(
    private readonly index: OfferIndex,
    private readonly read: ReadOffers,
  ) {}

  async execute(query: OfferSearch): Promise<{ items: OfferView[]; total: number }> {
    const q = query.q?.trim();
    if (!q) return this.read.list(query);
    const problems: ErrorDetail[] = [];
    if (query.status === 'closed') problems.push({ field: 'status', reason: 'keyword search covers open offers only' });
    if (query.includeDuplicates)
      problems.push({ field: 'includeDuplicates', reason: 'keyword search covers canonical offers only' });
    if (problems.length > 0)
      throw matchingError('offers.search_scope', 'keyword search covers open offers only', problems);

    const filter: string[] = [];
    if (query.source) filter.push(`source = ${filterValue(query.source)}`);
    if (query.departement) filter.push(`departement = ${filterValue(query.departement)}`);
    if (query.contractType) filter.push(`contractType = ${filterValue(query.contractType)}`);
    if (query.romeCode) filter.push(`romeCode = ${filterValue(query.romeCode)}`);
    const options = {
      q,
      filter,
      attributesToRetrieve: ['id'],
      ...(query.sort === 'relevance' ? {} : { sort: ['publishedAt:desc'] }),
    };
    // Page by page when the offset falls on a page: the index then counts the hits exactly.
    const found =
      query.offset % query.limit === 0
        ? await this.index.search<{ id: string }>({
            ...options,
            hitsPerPage: query.limit,
            page: query.offset / query.limit + 1,
          })
        : await this.index.search<{ id: string }>({ ...options, limit: query.limit, offset: query.offset });
    const ids = found.hits.map((hit) => hit.id);
    const total = (query.offset % query.limit === 0 ? found.totalHits : found.estimatedTotalHits) ?? 0;
    return { items: await this.read.byIds(ids), total };
  }
}
