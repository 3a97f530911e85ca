import { Injectable } from '@nestjs/common';
import type { TrustedHosts } from '../domain/public-address.js';
import { PageFetcher } from '../application/ports/page-fetcher.js';
import { PoliteFetcher } from './http/polite-fetcher.js';

/** One page through a PoliteFetcher limited to the page's own host, one request a second. */
@Injectable()
export class PolitePageFetcher extends PageFetcher {
  async fetchOne(url: string, trustedHosts: TrustedHosts, retries: number): Promise<string> {
    const fetcher = new PoliteFetcher({
      allowedHosts: [new URL(url).host],
      trustedHosts,
      requestsPerSecond: 1,
      maxConcurrency: 1,
      retries,
    });
    return (await fetcher.fetch(url)).text;
  }
}
