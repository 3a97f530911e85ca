import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { TrustedHosts } from '../domain/public-address.js';

/**
 * The hosts ingestion may reach on a non-public address, because the operator named them in the
 * environment: FETCH_ALLOWED_HOSTS, the France Travail URLs, and the demo boards when demo mode
 * is on. Staff, through the API, can name any URL but never add a host here.
 */
@Injectable()
export class TrustedFetchHosts {
  readonly hosts: TrustedHosts;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.hosts = new TrustedHosts([
      ...config.fetch.allowedHosts,
      config.franceTravail.apiUrl.toString(),
      config.franceTravail.tokenUrl.toString(),
      ...(config.demo.enabled ? [`127.0.0.1:${config.demo.port}`, `localhost:${config.demo.port}`] : []),
    ]);
  }

  /** The demo boards, once started: they take another port when DEMO_PORT is busy. */
  trustDemoBoards(baseUrl: string): void {
    this.hosts.add(baseUrl);
  }
}
