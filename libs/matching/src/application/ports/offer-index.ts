import type { OfferDocument } from '../../domain/offer-document.js';

/** One search of the offers index; filters, sort and attributes are written in the index's own syntax. */
export interface OfferIndexSearch {
  /** Keywords; null or absent: no keyword, every offer the filters keep. */
  readonly q?: string | null;
  /** Ranks by nearness to this skill vector (the `skills` embedder) instead of keywords. */
  readonly vector?: number[];
  readonly filter?: string[];
  readonly sort?: string[];
  readonly limit?: number;
  readonly offset?: number;
  /** Page by page (with `hitsPerPage`): the total is then counted exactly. */
  readonly page?: number;
  readonly hitsPerPage?: number;
  readonly showRankingScore?: boolean;
  readonly attributesToRetrieve?: string[];
}

export interface OfferIndexHits<T> {
  readonly hits: Array<T & { readonly _rankingScore?: number }>;
  /** Exact, when searched page by page. */
  readonly totalHits?: number;
  readonly estimatedTotalHits?: number;
}

/**
 * The offers index (a derived, rebuildable copy of the open canonical offers). A search before the
 * index exists refuses with `matching.index_not_ready`; every write waits until the index applied it.
 */
export abstract class OfferIndex {
  /** The live index's name in this deployment. */
  abstract get uid(): string;

  /** Creates the live index if needed and applies its settings (idempotent). */
  abstract ensure(): Promise<void>;

  abstract search<T>(search: OfferIndexSearch): Promise<OfferIndexHits<T>>;

  /** Several searches in one request, answered in the same order. */
  abstract multiSearch<T>(searches: readonly OfferIndexSearch[]): Promise<Array<OfferIndexHits<T>>>;

  /** One indexed offer's fields and its skill vector (null: it has none); null when it is not indexed. */
  abstract document<T>(id: string, fields: string[]): Promise<{ document: T; vector: number[] | null } | null>;

  /** Every indexed offer's id and content stamp. */
  abstract stamps(): Promise<Map<string, string>>;

  abstract upsert(documents: readonly OfferDocument[]): Promise<void>;

  abstract remove(ids: readonly string[]): Promise<void>;

  /**
   * Queues writes without waiting for them to be applied: resolves once the index has queued them
   * (a later write queues after them, so writes apply in the order they were sent); `applied`
   * resolves when they are applied and rejects if one failed.
   */
  abstract enqueue(
    upserts: readonly OfferDocument[],
    deletes: readonly string[],
  ): Promise<{ readonly applied: Promise<void> }>;

  /**
   * Builds a new index from `pages` beside the live one, then swaps it in: searches never see a
   * half-built index. If any write of the new index fails, the rebuild rejects and the live index is
   * left as it was. Reports how many documents it holds and where the time went.
   */
  abstract rebuild(
    pages: AsyncIterable<OfferDocument[]>,
    onProgress?: (indexed: number) => void,
  ): Promise<RebuildReport>;
}

export interface RebuildReport {
  readonly documents: number;
  readonly phases: RebuildPhases;
}

/**
 * Where a rebuild's time went, in milliseconds of wall time. The pages are built while Meilisearch
 * indexes the ones already sent, so `buildMs` counts only the time the rebuild waited for a page.
 */
export interface RebuildPhases {
  /** The new index created beside the live one, with its settings. */
  readonly prepareMs: number;
  /** From the start of the build until Meilisearch took the first page (it idles until then). */
  readonly firstPageMs: number;
  /** Waiting for the next page of documents (the source's read and projection). */
  readonly buildMs: number;
  /** Pages turned into request bodies. */
  readonly serialiseMs: number;
  /** Waiting for Meilisearch to take a page (the request) before the next one could be sent. */
  readonly sendMs: number;
  /** After the last page was taken, waiting for Meilisearch to apply what it had queued. */
  readonly drainMs: number;
  /** The swap, and the old index dropped. */
  readonly swapMs: number;
  readonly pages: number;
}
