import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Meilisearch, type EnqueuedTask, type MultiSearchParams, type SearchParams } from 'meilisearch';
import {
  APP_CONFIG,
  awaitTask,
  createMeiliClient,
  KeptAliveMeiliTransport,
  meiliApiError,
  type ResolvedConfig,
  SearchIndexes,
} from '@passerelle/core';
import { type OfferDocument, offerDocumentsNdjson } from '../domain/offer-document.js';
import { matchingError } from '../domain/matching-errors.js';
import {
  OfferIndex,
  type OfferIndexHits,
  type OfferIndexSearch,
  type RebuildReport,
} from '../application/ports/offer-index.js';
import { OFFERS_INDEX } from './offers-index.js';

/**
 * How often a bulk write's task is asked about. Indexing thousands of documents takes seconds: asking
 * every 25 ms cost Node and Meilisearch CPU (an HTTP round trip each) on the cores Meilisearch
 * indexes with, for at most 75 ms less wait at the end.
 */
const BULK_POLL_MS = 100;

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

  /**
   * One document by id (GET /documents/:id) over the kept-alive read transport: reverse matching's
   * first read, on its critical path. The fetch-by-ids route (POST /documents/fetch) over fetch took
   * 3.3 ms at the p50 where this route took 2.4 ms over the same transport (same document, same
   * vector; 3,000 offers, a loaded machine), before the transport's own saving.
   */
  async document<T>(id: string, fields: string[]): Promise<{ document: T; vector: number[] | null } | null> {
    const index = this.reads.index(this.uid);
    let stored: (T & { _vectors?: { skills?: { embeddings?: number[][] } } }) | undefined;
    try {
      stored = await notReadyAsUnavailable(() =>
        // `retrieveVectors` is a parameter of this route that the client's type does not list; the id goes
        // into the path as it is (a UUID), encoded all the same.
        index.getDocument(encodeURIComponent(id), { fields, retrieveVectors: true } as Parameters<
          typeof index.getDocument
        >[1]),
      );
    } catch (error) {
      if (meiliApiError(error)?.cause?.code === 'document_not_found') return null;
      throw error;
    }
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

  /**
   * Writes queued by `enqueue` are waited for one after the other, by one poller at a time: a poller
   * per queued write asked Meilisearch for its task every 25 ms, all of them at once, while it was
   * indexing on the same cores.
   */
  private waits: Promise<unknown> = Promise.resolve();

  async enqueue(
    upserts: readonly OfferDocument[],
    deletes: readonly string[],
  ): Promise<{ readonly applied: Promise<void> }> {
    const index = this.meili.index(this.uid);
    const tasks: EnqueuedTask[] = [];
    // Each write is queued before the next is sent: Meilisearch applies them in queue order.
    if (upserts.length > 0)
      tasks.push(
        await index.addDocumentsFromString(offerDocumentsNdjson(upserts), 'application/x-ndjson', { primaryKey: 'id' }),
      );
    if (deletes.length > 0) tasks.push(await index.deleteDocuments([...deletes]));
    // Queued after the earlier writes, so applied after them: waiting for them first costs nothing.
    const applied = this.waits.then(
      () => this.settle(tasks),
      () => this.settle(tasks),
    );
    this.waits = applied.catch(() => undefined);
    // Awaited by the caller; a failure meanwhile must not surface as an unhandled rejection.
    applied.catch(() => undefined);
    return { applied };
  }

  private async settle(tasks: readonly EnqueuedTask[]): Promise<void> {
    for (const task of tasks) await awaitTask(this.meili, task, this.timeout, BULK_POLL_MS);
  }

  async rebuild(pages: AsyncIterable<OfferDocument[]>, onProgress?: (indexed: number) => void): Promise<RebuildReport> {
    const clock = new PhaseClock();
    const live = this.uid;
    const next = `${live}_next`;
    await this.indexes.ensure(OFFERS_INDEX);
    await this.drop(next);
    await this.indexes.ensure(OFFERS_INDEX, next);
    const prepareMs = clock.lap();
    const index = this.meili.index(next);
    let indexed = 0;
    let pageCount = 0;
    // Every page is queued as soon as it is built, without waiting for the previous ones to be
    // applied: Meilisearch indexes what waits in its queue as one batch, much faster than page after
    // page (a raw bulk load's speed). While a page is being sent the next one is built; pages are
    // queued, so applied, in the order they came. One waiter follows the tasks in that order; the
    // first failure stops the building and fails the rebuild, the live index untouched.
    let applied: Promise<void> = Promise.resolve();
    const failure: { error?: unknown; failed: boolean } = { failed: false };
    let sending: Promise<void> = Promise.resolve();
    const times = { buildMs: 0, serialiseMs: 0, sendMs: 0, firstPageMs: 0 };
    const buildStarted = performance.now();
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        let started = performance.now();
        const step: IteratorResult<OfferDocument[], unknown> = await iterator.next();
        times.buildMs += performance.now() - started;
        if (step.done) break;
        const page = step.value;
        if (failure.failed) throw failure.error;
        started = performance.now();
        const body = offerDocumentsNdjson(page);
        times.serialiseMs += performance.now() - started;
        started = performance.now();
        await sending;
        times.sendMs += performance.now() - started;
        const size = page.length;
        pageCount += 1;
        sending = (async () => {
          const task = await index.addDocumentsFromString(body, 'application/x-ndjson', { primaryKey: 'id' });
          if (times.firstPageMs === 0) times.firstPageMs = performance.now() - buildStarted;
          applied = applied.then(async () => {
            await awaitTask(this.meili, task, this.timeout, BULK_POLL_MS);
            indexed += size;
            onProgress?.(indexed);
          });
          applied.catch((error: unknown) => {
            if (failure.failed) return;
            failure.failed = true;
            failure.error = error;
          });
        })();
        // Awaited before the next page is sent; a failure meanwhile must not go unhandled.
        sending.catch(() => undefined);
      }
      const started = performance.now();
      await sending;
      times.sendMs += performance.now() - started;
      clock.lap();
      await applied;
    } catch (error) {
      // The source is closed (its cursor and connection freed) when its pages are no longer wanted.
      await iterator.return?.(undefined).catch(() => undefined);
      // What was queued is applied (or refused) before the new index is dropped: the live one stays.
      await sending.catch(() => undefined);
      await applied.catch(() => undefined);
      await this.drop(next).catch(() => undefined);
      throw error;
    }
    const drainMs = clock.lap();
    await awaitTask(this.meili, this.meili.swapIndexes([{ indexes: [live, next], rename: false }]), this.timeout);
    await this.drop(next);
    const swapMs = clock.lap();
    return {
      documents: indexed,
      phases: {
        prepareMs,
        firstPageMs: Math.round(times.firstPageMs),
        buildMs: Math.round(times.buildMs),
        serialiseMs: Math.round(times.serialiseMs),
        sendMs: Math.round(times.sendMs),
        drainMs,
        swapMs,
        pages: pageCount,
      },
    };
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

/** Milliseconds since the last lap. */
class PhaseClock {
  private last = performance.now();

  lap(): number {
    const now = performance.now();
    const elapsed = now - this.last;
    this.last = now;
    return Math.round(elapsed);
  }
}
