import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Meilisearch, type MultiSearchParams, type SearchParams } from 'meilisearch';
import {
  APP_CONFIG,
  awaitTask,
  createMeiliClient,
  KeptAliveMeiliTransport,
  meiliApiError,
  type ResolvedConfig,
  SearchIndexes,
} from '@passerelle/core';
import type { OfferDocument } from '../domain/offer-document.js';
import { matchingError } from '../domain/matching-errors.js';
import { OfferIndex, type OfferIndexHits, type OfferIndexSearch } from '../application/ports/offer-index.js';
import { OFFERS_INDEX } from './offers-index.js';

/**
 * Before the worker's first start the offers index does not exist yet: a search then is a service
 * not ready (503, retry later), not a server error.
 */
async function notReadyAsUnavailable<T>(search: () => Promise<T>): Promise<T> {
  try {
    return await search();
  } catch (error) {
    const api = meiliApiError(error);
    if (api?.cause?.code === 'index_not_found')
      throw matchingError('matching.index_not_ready', 'the offers index is not built yet');
    // Meilisearch's own error as the official client's fetch transport would have thrown it.
    throw api ?? error;
  }
}

/** A search as Meilisearch takes it: a vector ranks through the `skills` embedder alone. */
function searchParams({ q: _q, vector, ...rest }: OfferIndexSearch): SearchParams {
  return { ...rest, ...(vector ? { vector, hybrid: { embedder: 'skills', semanticRatio: 1 } } : {}) };
}

/** The offers index in Meilisearch. */
@Injectable()
export class MeiliOfferIndex extends OfferIndex implements OnModuleDestroy {
  /**
   * Searches, the hot read path: the official client again, sending over kept-alive node:http sockets
   * instead of fetch (KeptAliveMeiliTransport). Writes, tasks, documents and settings use the shared
   * client as they are.
   */
  private readonly transport = new KeptAliveMeiliTransport();
  private readonly reads: Meilisearch;

  constructor(
    private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    super();
    this.reads = createMeiliClient(
      config.meilisearch.url,
      config.meilisearch.masterKey,
      undefined,
      this.transport.httpClient,
    );
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  get uid(): string {
    return this.indexes.uid(OFFERS_INDEX.name);
  }

  private get timeout(): number {
    return this.config.meilisearch.taskTimeoutMs;
  }

  ensure(): Promise<void> {
    return this.indexes.ensure(OFFERS_INDEX);
  }

  search<T>(search: OfferIndexSearch): Promise<OfferIndexHits<T>> {
    const index = this.reads.index<T & Record<string, unknown>>(this.uid);
    return notReadyAsUnavailable(() => index.search(search.q ?? null, searchParams(search)));
  }

  async multiSearch<T>(searches: readonly OfferIndexSearch[]): Promise<Array<OfferIndexHits<T>>> {
    const uid = this.uid;
    const response = await notReadyAsUnavailable(() =>
      this.reads.multiSearch<MultiSearchParams, T & Record<string, unknown>>({
        queries: searches.map((search) => ({ indexUid: uid, q: search.q ?? null, ...searchParams(search) })),
      }),
    );
    return response.results;
  }

  async document<T>(id: string, fields: string[]): Promise<{ document: T; vector: number[] | null } | null> {
    const index = this.meili.index(this.uid);
    const found = await notReadyAsUnavailable(() =>
      index.getDocuments({ ids: [id], fields, retrieveVectors: true, limit: 1 }),
    );
    const stored = found.results[0] as (T & { _vectors?: { skills?: { embeddings?: number[][] } } }) | undefined;
    if (!stored) return null;
    const { _vectors: vectors, ...document } = stored;
    return { document: document as T, vector: vectors?.skills?.embeddings?.[0] ?? null };
  }

  async stamps(): Promise<Map<string, string>> {
    const index = this.meili.index(this.uid);
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
    return indexed;
  }

  async upsert(documents: readonly OfferDocument[]): Promise<void> {
    await awaitTask(this.meili, this.meili.index(this.uid).addDocuments([...documents]), this.timeout);
  }

  async remove(ids: readonly string[]): Promise<void> {
    await awaitTask(this.meili, this.meili.index(this.uid).deleteDocuments([...ids]), this.timeout);
  }

  async enqueue(
    upserts: readonly OfferDocument[],
    deletes: readonly string[],
  ): Promise<{ readonly applied: Promise<void> }> {
    const index = this.meili.index(this.uid);
    const tasks = [];
    // Each write is queued before the next is sent: Meilisearch applies them in queue order.
    if (upserts.length > 0) tasks.push(await index.addDocuments([...upserts]));
    if (deletes.length > 0) tasks.push(await index.deleteDocuments([...deletes]));
    const applied = (async () => {
      for (const task of tasks) await awaitTask(this.meili, task, this.timeout);
    })();
    // Awaited by the caller; a failure meanwhile must not surface as an unhandled rejection.
    applied.catch(() => undefined);
    return { applied };
  }

  async rebuild(pages: AsyncIterable<OfferDocument[]>, onProgress?: (indexed: number) => void): Promise<number> {
    const live = this.uid;
    const next = `${live}_next`;
    await this.indexes.ensure(OFFERS_INDEX);
    await this.drop(next);
    await this.indexes.ensure(OFFERS_INDEX, next);
    let indexed = 0;
    // Every page is queued as soon as it is built, without waiting for the previous ones to be
    // applied: Meilisearch indexes what waits in its queue as one batch, much faster than page after
    // page (a raw bulk load's speed). Only the page being built is held here: once queued, its
    // documents are Meilisearch's. Pages are queued, so applied, in the order they came.
    const applied: Array<Promise<void>> = [];
    try {
      for await (const page of pages) {
        const size = page.length;
        const task = await this.meili.index(next).addDocuments(page);
        const done = awaitTask(this.meili, task, this.timeout).then(() => {
          indexed += size;
          onProgress?.(indexed);
        });
        // Awaited in order below; a failure meanwhile must not surface as an unhandled rejection.
        done.catch(() => undefined);
        applied.push(done);
      }
      for (const done of applied) await done;
    } finally {
      await Promise.allSettled(applied);
    }
    await awaitTask(this.meili, this.meili.swapIndexes([{ indexes: [live, next], rename: false }]), this.timeout);
    await this.drop(next);
    return indexed;
  }

  private async drop(uid: string): Promise<void> {
    try {
      await awaitTask(this.meili, this.meili.deleteIndex(uid), this.timeout);
    } catch (error) {
      const missing = meiliApiError(error)?.cause?.code === 'index_not_found';
      const failedMissing = error instanceof Error && /index_not_found/.test(error.message);
      if (!missing && !failedMissing) throw error;
    }
  }
}
