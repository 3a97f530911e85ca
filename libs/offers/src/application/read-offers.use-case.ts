import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ContractType } from '../domain/contract.js';
import type { OfferStatus } from '../domain/offer.js';
import { OfferEntity } from '../infrastructure/offer.entity.js';
import { toOfferView, type OfferView } from './offer-view.js';
import { offersError } from '../domain/offers-errors.js';

export interface OfferQuery {
  readonly source?: string;
  readonly status?: OfferStatus;
  readonly departement?: string;
  readonly contractType?: ContractType;
  readonly romeCode?: string;
  /** Include offers that are copies of another (cross-source duplicates). Default: canonical only. */
  readonly includeDuplicates?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Offers as Postgres holds them (the search API, with scoring, is the matching lib's). */
@Injectable()
export class ReadOffers {
  constructor(@InjectRepository(OfferEntity) private readonly offers: Repository<OfferEntity>) {}

  async list(query: OfferQuery): Promise<{ items: OfferView[]; total: number }> {
    const builder = this.offers
      .createQueryBuilder('o')
      // Newest first; an offer without a publication date counts from when it was first seen.
      .orderBy('COALESCE(o.published_at, o.first_seen_at)', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.source) builder.andWhere('o.source = :source', { source: query.source });
    if (query.status) builder.andWhere('o.status = :status', { status: query.status });
    if (query.departement) builder.andWhere('o.departement = :departement', { departement: query.departement });
    if (query.contractType) builder.andWhere('o.contract_type = :contractType', { contractType: query.contractType });
    if (query.romeCode) builder.andWhere('o.rome_code = :romeCode', { romeCode: query.romeCode });
    if (!query.includeDuplicates) builder.andWhere('o.duplicate_of IS NULL');
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(toOfferView), total };
  }

  /** These offers, in the order given (ids not found are left out). */
  async byIds(ids: readonly string[]): Promise<OfferView[]> {
    if (ids.length === 0) return [];
    const rows = await this.offers.createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toOfferView(row)] : [];
    });
  }

  /** One offer with the copies other sources publish of it. */
  async get(id: string): Promise<OfferView> {
    const offer = await this.offers.findOneBy({ id });
    if (!offer) throw offersError('offer.not_found', 'no such offer');
    const canonicalId = offer.duplicateOf ?? offer.id;
    const copies = await this.offers
      .createQueryBuilder('o')
      .select(['o.id', 'o.source', 'o.url'])
      .where('(o.duplicate_of = :canonicalId OR o.id = :canonicalId) AND o.id <> :id', { canonicalId, id })
      .getMany();
    return {
      ...toOfferView(offer),
      copies: copies.map((copy) => ({ id: copy.id, source: copy.source, url: copy.url })),
    };
  }
}
