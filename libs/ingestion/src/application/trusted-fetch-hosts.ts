import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { TrustedHosts } from '../domain/public-address.js';
import { PageFetcher } from './ports/page-fetcher.js';

/**
 * The hosts ingestion may reach on a non-public address, because the operator named them in the
 * environment: FETCH_ALLOWED_HOSTS, the France Travail URLs, and the demo boards once demo mode
 * (DEMO_MODE, all-in-one start) has started them. Staff, through the API, can name any URL but
 * never add a host here.
 */
@Injectable()
export class TrustedFetchHosts {
  readonly hosts: TrustedHosts;

  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly fetcher: PageFetcher,
  ) {
    this.hosts = new TrustedHosts([
      ...config.fetch.allowedHosts,
      config.franceTravail.apiUrl.toString(),
      config.franceTravail.tokenUrl.toString(),
    ]);
  }

  /**
   * The demo boards, on the port they actually took (another one when DEMO_PORT is busy). Not from
   * DEMO_MODE alone: it defaults to true, and a deployment without the all-in-one start runs no
   * demo boards, so whatever listens on DEMO_PORT there must not become reachable.
   */
  trustDemoBoards(baseUrl: string): void {
    this.hosts.add(baseUrl);
  }

  /**
   * One page fetched by hand (`extract`, a description tried before saving): the same safe fetch as
   * a run (public addresses only unless trusted, checked at connect and on each redirect).
   */
  async fetchOnePage(url: string, retries: number): Promise<string> {
    return this.fetcher.fetchOne(url, this.hosts, retries);
  }
}
