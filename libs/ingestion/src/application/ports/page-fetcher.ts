import type { TrustedHosts } from '../../domain/public-address.js';

/**
 * One page fetched by hand (`extract`, a description tried before saving), as safely as a run
 * fetches: public addresses only unless trusted, checked at connect and on each redirect. A failure
 * throws a FetchError.
 */
export abstract class PageFetcher {
  abstract fetchOne(url: string, trustedHosts: TrustedHosts, retries: number): Promise<string>;
}
