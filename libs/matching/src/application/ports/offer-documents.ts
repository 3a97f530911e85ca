import type { EntityManager } from 'typeorm';
import type { OfferDocument } from '../../domain/offer-document.js';

/** Which offers belong in the index (open, canonical) and their documents, read from the offers' store. */
export abstract class OfferDocuments {
  /** For the given offers: documents of those that belong in the index, ids of those that do not. */
  abstract forIds(
    ids: readonly string[],
    /** The caller's transaction, if any: the read then takes no connection of its own. */
    manager?: EntityManager,
  ): Promise<{ upserts: OfferDocument[]; deletes: string[] }>;

  /**
   * Every document that belongs in the index, in pages of `pageSize`; the first page may be smaller
   * (`firstPageSize`), so that whoever takes the pages can start sooner.
   */
  abstract all(pageSize?: number, firstPageSize?: number): AsyncGenerator<OfferDocument[]>;

  /** Ids and content stamps of every offer that belongs in the index (for reconciliation). */
  abstract expectedStamps(): Promise<Map<string, string>>;
}
