import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type OfferQuery, OfferReader } from '../application/ports/offer-reader.js';
import { OfferEntity } from './offer.entity.js';

/** Reads of offers through TypeORM: one row, the filtered page, a set by id, the copies of an offer. */
@Injectable()
export class SqlOfferReader extends OfferReader {
  constructor(@InjectRepository(OfferEntity) private readonly offers: Repository<OfferEntity>) {
    super();
  }

  byId(id: string): Promise<OfferEntity | null> {
    return this.offers.findOneBy({ id });
  }

  bySourceKey(source: string, externalId: string): Promise<OfferEntity | null> {
    return this.offers.findOneBy({ source, externalId });
  }

  /** The page and the total, newest first (an offer without a publication date counts from when it was first seen). */
  page(query: OfferQuery): Promise<[OfferEntity[], number]> {
    const builder = this.offers
      .createQueryBuilder('o')
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
    return builder.getManyAndCount();
  }

  byIds(ids: readonly string[]): Promise<OfferEntity[]> {
    return this.offers.createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany();
  }

  /** The other offers of the same job (its canonical offer and that one's duplicates), `id` aside. */
  copies(canonicalId: string, id: string): Promise<OfferEntity[]> {
    return this.offers
      .createQueryBuilder('o')
      .select(['o.id', 'o.source', 'o.url'])
      .where('(o.duplicate_of = :canonicalId OR o.id = :canonicalId) AND o.id <> :id', { canonicalId, id })
      .getMany();
  }
}
