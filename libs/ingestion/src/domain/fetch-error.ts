export type FetchFailure = 'timeout' | 'too_large' | 'host_not_allowed' | 'robots' | 'http' | 'network' | 'redirects';

/** Why a fetch failed, and whether trying again later can help (5xx, 429, network: yes; 4xx: no). */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly failure: FetchFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${url}: ${message}`);
    this.name = 'FetchError';
  }

  get retryable(): boolean {
    return (
      this.failure === 'timeout' ||
      this.failure === 'network' ||
      (this.failure === 'http' && this.status !== undefined && (this.status >= 500 || this.status === 429))
    );
  }
}
