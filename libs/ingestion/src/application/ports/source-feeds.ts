import type { TrustedHosts } from '../../domain/public-address.js';
import type { FetchedPayload, SourceDefinition, SourceItem } from '../../domain/source.js';
import type { CachedPage } from './payload-store.js';

export interface FeedOptions {
  /** Hosts the operator named: the only ones that may be on a private network. */
  readonly trustedHosts: TrustedHosts;
  /** The page last fetched from a URL, for a conditional request. */
  readonly cached: (url: string) => Promise<CachedPage | null>;
  readonly signal: AbortSignal;
  /** Waits between retries are multiplied by this (tests shorten them). */
  readonly backoffScale?: number;
}

/**
 * What a run reads from a source: the items its kind's adapter fetches and parses (politely, from
 * the source's own hosts only), or the stored payloads parsed again by today's parsers.
 */
export abstract class SourceFeeds {
  abstract items(definition: SourceDefinition, options: FeedOptions): AsyncGenerator<SourceItem>;

  abstract replay(definition: SourceDefinition, payloads: AsyncIterable<FetchedPayload>): AsyncGenerator<SourceItem>;
}
