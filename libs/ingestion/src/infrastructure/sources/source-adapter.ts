import type { SourceDefinition, SourceItem } from '../../domain/source.js';
import type { PoliteFetcher } from '../http/polite-fetcher.js';
import type { CachedPage } from '../payload-store.js';

export interface SourceRunContext {
  readonly definition: SourceDefinition;
  readonly fetcher: PoliteFetcher;
  readonly cached: (url: string) => Promise<CachedPage | null>;
  readonly signal: AbortSignal;
}

/** One kind of source. Adapters fetch and parse; the pipeline normalises, stores and counts. */
export interface SourceAdapter {
  items(context: SourceRunContext): AsyncGenerator<SourceItem>;
}
