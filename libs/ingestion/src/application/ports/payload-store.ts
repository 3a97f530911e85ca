import type { FetchedPayload } from '../../domain/source.js';

export interface CachedPage {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly body: string;
  readonly contentType: string;
}

/** Raw payloads (what was fetched, byte for byte as decoded text) and conditional-request validators. */
export abstract class PayloadStore {
  /** Keeps the payloads (each once, by the hash of its body); returns their hashes, in order. */
  abstract putMany(sourceId: string, payloads: readonly FetchedPayload[]): Promise<string[]>;

  abstract rememberValidators(
    entries: ReadonlyArray<{ url: string; etag: string | null; lastModified: string | null; hash: string }>,
  ): Promise<void>;

  /**
   * What a `reparse` replays, page by page: the payload of each open offer of the source, and the
   * payloads its last fetching run rejected.
   */
  abstract replayable(sourceId: string, sourceName: string, pageSize?: number): AsyncGenerator<FetchedPayload>;

  /** The page last fetched from `url` with its validators, for a conditional request. */
  abstract cached(url: string): Promise<CachedPage | null>;
}
