import { Injectable } from '@nestjs/common';
import { type OfferQuery, OfferReader } from './ports/offer-reader.js';
import { toOfferView, type OfferView } from './offer-view.js';
import { offersError } from '../domain/offers-errors.js';

export type { OfferQuery } from './ports/offer-reader.js';

/** Offers as Postgres holds them (the search API, with scoring, is the matching lib's). */
@Injectable()
export class ReadOffers {
  constructor(private readonly reader: OfferReader) {}

  async list(query: OfferQuery): Promise<{ items: OfferView[]; total: number }> {
    const [rows, total] = await this.reader.page(query);
    return { items: rows.map(toOfferView), total };
  }

  /** These offers, in the order given (ids not found are left out). */
  async byIds(ids: readonly string[]): Promise<OfferView[]> {
    if (ids.length === 0) return [];
    const rows = await this.reader.byIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toOfferView(row)] : [];
    });
  }

  /** One offer with the copies other sources publish of it. */
  async get(id: string): Promise<OfferView> {
    const offer = await this.reader.byId(id);
    if (!offer) throw offersError('offer.not_found', 'no such offer');
    const canonicalId = offer.duplicateOf ?? offer.id;
    const copies = await this.reader.copies(canonicalId, id);
    return {
      ...toOfferView(offer),
      copies: copies.map((copy) => ({ id: copy.id, source: copy.source, url: copy.url })),
    };
  }
}
