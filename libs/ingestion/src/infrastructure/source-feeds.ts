import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { allowedHosts, type FetchedPayload, type SourceDefinition, type SourceItem } from '../domain/source.js';
import { type FeedOptions, SourceFeeds } from '../application/ports/source-feeds.js';
import { PoliteFetcher } from './http/polite-fetcher.js';
import { type HostPacer, RedisHostPacer } from './http/shared-host-pacer.js';
import { replayPayloads } from './sources/replay.source.js';
import { SOURCE_ADAPTERS } from './sources/source-adapters.js';

/** A run's items from the source's adapter over HTTP, or from its stored payloads. */
@Injectable()
export class HttpSourceFeeds extends SourceFeeds {
  /** Per-host spacing shared by every worker (see RedisHostPacer). */
  private readonly pacer: HostPacer;

  constructor(redis: Redis) {
    super();
    this.pacer = new RedisHostPacer(redis);
  }

  items(definition: SourceDefinition, options: FeedOptions): AsyncGenerator<SourceItem> {
    const fetcher = new PoliteFetcher({
      allowedHosts: allowedHosts(definition),
      trustedHosts: options.trustedHosts,
      requestsPerSecond: definition.rateLimitPerSecond,
      maxConcurrency: definition.maxConcurrency,
      backoffScale: options.backoffScale,
      pacer: this.pacer,
    });
    return SOURCE_ADAPTERS[definition.kind as keyof typeof SOURCE_ADAPTERS].items({
      definition,
      fetcher,
      cached: options.cached,
      signal: options.signal,
    });
  }

  replay(definition: SourceDefinition, payloads: AsyncIterable<FetchedPayload>): AsyncGenerator<SourceItem> {
    return replayPayloads(definition, payloads);
  }
}
