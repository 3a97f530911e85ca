import type { InjectedFailures } from '../http/demo-http.js';
import { RequestLog } from '../http/request-log.js';

export type Windows1252Declaration = 'header' | 'meta';

export interface IssuedToken {
  readonly expiresAtMs: number;
  /** API calls left before the token stops working; undefined: no such limit. */
  callsLeft?: number;
}

/**
 * The mutable state shared by the demo servers: page faults (built in or injected by tests),
 * dropped offers, armed failures, France Travail tokens and throttling, and the request log.
 */
export class DemoState implements InjectedFailures {
  readonly requests = new RequestLog();
  private readonly droppedIds = new Set<string>();
  /** Changes whenever the dropped set does, so listings computed from it can be cached. */
  droppedVersion = 0;

  readonly nordemploi = {
    malformed: new Set<string>(),
    missingTitle: new Set<string>(),
    notFound: new Set<string>(),
  };

  readonly jobConnexion = {
    windows1252: new Map<string, Windows1252Declaration>(),
    /** Listing offsets served in windows-1252, declared in the Content-Type header. */
    windows1252Listings: new Set<number>(),
  };

  readonly franceTravail: {
    readonly clientId: string;
    readonly clientSecret: string;
    tokenLifetimeSeconds: number;
    readonly tokens: Map<string, IssuedToken>;
    tokensIssued: number;
    searchCalls: number;
    /** Search call numbers (1-based, counted since start) answered with 429, and their Retry-After. */
    readonly throttled: Map<number, number>;
  };

  private readonly failures = new Map<string, { status: number; remaining: number }>();
  private readonly builtIn: () => void;
  private readonly initialTokenLifetimeSeconds: number;

  constructor(
    franceTravail: { clientId: string; clientSecret: string; tokenLifetimeSeconds: number },
    builtIn: (state: DemoState) => void,
  ) {
    this.franceTravail = {
      ...franceTravail,
      tokens: new Map(),
      tokensIssued: 0,
      searchCalls: 0,
      throttled: new Map(),
    };
    this.initialTokenLifetimeSeconds = franceTravail.tokenLifetimeSeconds;
    this.builtIn = () => builtIn(this);
    this.builtIn();
  }

  get dropped(): ReadonlySet<string> {
    return this.droppedIds;
  }

  drop(id: string): void {
    this.droppedIds.add(id);
    this.droppedVersion += 1;
  }

  restore(id: string): void {
    if (this.droppedIds.delete(id)) this.droppedVersion += 1;
  }

  armFailure(path: string, status: number, times: number): void {
    this.failures.set(path, { status, remaining: times });
  }

  take(path: string, query: string): number | undefined {
    for (const key of [`${path}${query}`, path]) {
      const failure = this.failures.get(key);
      if (!failure) continue;
      failure.remaining -= 1;
      if (failure.remaining <= 0) this.failures.delete(key);
      return failure.status;
    }
    return undefined;
  }

  /**
   * Back to the state at start: built-in faults only, nothing dropped or armed, default token lifetime.
   * Keeps issued tokens (without call limits), the search call count and the request log.
   */
  reset(): void {
    this.droppedIds.clear();
    this.droppedVersion += 1;
    this.failures.clear();
    this.nordemploi.malformed.clear();
    this.nordemploi.missingTitle.clear();
    this.nordemploi.notFound.clear();
    this.jobConnexion.windows1252.clear();
    this.jobConnexion.windows1252Listings.clear();
    this.franceTravail.throttled.clear();
    this.franceTravail.tokenLifetimeSeconds = this.initialTokenLifetimeSeconds;
    for (const token of this.franceTravail.tokens.values()) delete token.callsLeft;
    this.builtIn();
  }
}
