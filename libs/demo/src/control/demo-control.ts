import type { DemoCatalog } from '../catalog/demo-catalog.js';
import type { DemoRequestRecord } from '../http/request-log.js';
import type { DemoState, Windows1252Declaration } from './demo-state.js';

/**
 * Fault injection and observation for tests. Everything here is off until a test turns it on; the
 * faults every run has anyway (broken Nordemploi pages, windows-1252 Job Connexion pages) are listed
 * in `fixtures`.
 */
export interface DemoControl {
  readonly franceTravail: {
    /**
     * The `nth` search call from now (1: the next one) answers 429 Too Many Requests with
     * `Retry-After: retryAfterSeconds` (default 1), and so do the `times - 1` calls after it.
     */
    throttleSearchCall(nth: number, options?: { readonly retryAfterSeconds?: number; readonly times?: number }): void;
    /** Every token issued so far works for `calls` more API calls; the one after gets 401. */
    expireTokensAfterCalls(calls: number): void;
    /** Every token issued so far stops working now. */
    expireTokensNow(): void;
    /** `expires_in` of the tokens issued from now on, in seconds; they really expire then. */
    setTokenLifetime(seconds: number): void;
    /** Search calls that passed authentication since start (throttled ones included). */
    readonly searchCalls: number;
    readonly tokensIssued: number;
  };
  readonly nordemploi: {
    /** Serve the page cut off mid-description, with a dangling tag. */
    malformPage(id: string): void;
    /** Serve the page without the offer's title. */
    removeTitle(id: string): void;
    /** Answer 404 for the page while the listing still links to it. */
    hidePage(id: string): void;
  };
  readonly jobConnexion: {
    /** Serve this offer's page in windows-1252, declared in the Content-Type header or only in `<meta charset>`. */
    serveInWindows1252(id: string, declaredIn?: Windows1252Declaration): void;
  };
  /**
   * The offer leaves its platform: gone from listings and search, and its page answers 404
   * (Nordemploi), 410 Gone (Job Connexion) or 204 (France Travail). Copies on other platforms stay.
   */
  dropOffer(id: string): void;
  restoreOffer(id: string): void;
  readonly droppedOffers: readonly string[];
  /**
   * The next `times` (default 1) requests for `path` answer `status` (default 500), then it is served
   * normally. A path with a query string matches only that query.
   */
  failNext(path: string, options?: { readonly status?: number; readonly times?: number }): void;
  readonly requests: {
    /** Requests for exactly this path (with a query string: exactly this query). */
    count(path: string): number;
    /** Requests for this path and everything below it. */
    countUnder(prefix: string): number;
    entries(): readonly DemoRequestRecord[];
    reset(): void;
  };
  /** Undo every injected fault and drop; built-in faults stay. Issued tokens and the request log are kept. */
  reset(): void;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer (got ${value})`);
}

export function createDemoControl(state: DemoState, catalog: DemoCatalog): DemoControl {
  const ft = state.franceTravail;
  const known = (id: string, platform?: 'nordemploi' | 'job-connexion'): void => {
    const entry = catalog.entry(id);
    if (!entry || (platform !== undefined && entry.platform !== platform)) {
      throw new RangeError(`unknown ${platform ?? 'demo'} offer id: ${id}`);
    }
  };
  return {
    franceTravail: {
      throttleSearchCall(nth, options = {}) {
        positiveInteger('nth', nth);
        const times = options.times ?? 1;
        positiveInteger('times', times);
        for (let i = 0; i < times; i += 1) ft.throttled.set(ft.searchCalls + nth + i, options.retryAfterSeconds ?? 1);
      },
      expireTokensAfterCalls(calls) {
        if (!Number.isInteger(calls) || calls < 0)
          throw new RangeError(`calls must be a natural number (got ${calls})`);
        for (const token of ft.tokens.values()) token.callsLeft = calls;
      },
      expireTokensNow() {
        ft.tokens.clear();
      },
      setTokenLifetime(seconds) {
        positiveInteger('seconds', seconds);
        ft.tokenLifetimeSeconds = seconds;
      },
      get searchCalls() {
        return ft.searchCalls;
      },
      get tokensIssued() {
        return ft.tokensIssued;
      },
    },
    nordemploi: {
      malformPage(id) {
        known(id, 'nordemploi');
        state.nordemploi.malformed.add(id);
      },
      removeTitle(id) {
        known(id, 'nordemploi');
        state.nordemploi.missingTitle.add(id);
      },
      hidePage(id) {
        known(id, 'nordemploi');
        state.nordemploi.notFound.add(id);
      },
    },
    jobConnexion: {
      serveInWindows1252(id, declaredIn = 'header') {
        known(id, 'job-connexion');
        state.jobConnexion.windows1252.set(id, declaredIn);
      },
    },
    dropOffer(id) {
      known(id);
      state.drop(id);
    },
    restoreOffer(id) {
      state.restore(id);
    },
    get droppedOffers() {
      return [...state.dropped];
    },
    failNext(path, options = {}) {
      const times = options.times ?? 1;
      positiveInteger('times', times);
      state.armFailure(path, options.status ?? 500, times);
    },
    requests: {
      count: (path) => state.requests.count(path),
      countUnder: (prefix) => state.requests.countUnder(prefix),
      entries: () => state.requests.entries(),
      reset: () => state.requests.reset(),
    },
    reset() {
      state.reset();
    },
  };
}
