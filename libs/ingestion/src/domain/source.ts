import type { RawOffer, SiteDescription } from './site-description.js';

/** The source FRANCE_TRAVAIL_CLIENT_ID registers (ConfiguredSources). */
export const FRANCE_TRAVAIL_SOURCE = 'france-travail';

export const SOURCE_KINDS = ['france_travail', 'html_board', 'jsonld', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface FranceTravailConfig {
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly clientId?: string;
  /** Kept server-side only, never returned by the API. Env-configured sources read it from the config. */
  readonly clientSecret?: string;
  readonly scope?: string;
  /** Départements queried one by one (each query stays under the API's 3,000-offer window). */
  readonly departements: readonly string[];
  readonly romeCodes?: readonly string[];
}

export interface JsonLdConfig {
  readonly listing: SiteDescription['listing'];
}

/** A source as the database holds it and a run uses it. */
export interface SourceDefinition {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly baseUrl: string | null;
  readonly config: FranceTravailConfig | SiteDescription | JsonLdConfig | Record<string, never>;
  readonly rateLimitPerSecond: number;
  readonly maxConcurrency: number;
}

export interface FetchedPayload {
  readonly body: string;
  readonly contentType: string;
  readonly url: string | null;
}

/** What a source adapter yields while it runs. */
export type SourceItem =
  | { readonly kind: 'page' }
  | {
      readonly kind: 'offer';
      readonly raw: RawOffer;
      readonly payload: FetchedPayload;
      /** Validators to remember for a conditional request next time (HTML pages). */
      readonly cache?: { readonly url: string; readonly etag: string | null; readonly lastModified: string | null };
    }
  | {
      readonly kind: 'rejection';
      readonly externalId?: string;
      readonly url?: string;
      readonly field?: string;
      readonly reason: string;
      readonly payload?: FetchedPayload;
    }
  /** Part of the source could not be listed: the run must not close offers it did not see. */
  | { readonly kind: 'incomplete'; readonly reason: string };

/** The hosts a source may fetch: its base URL's and those its configuration names. */
export function allowedHosts(definition: SourceDefinition): string[] {
  const hosts = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value !== 'string') return;
    try {
      hosts.add(new URL(value).host);
    } catch {
      // not a URL
    }
  };
  add(definition.baseUrl);
  const config = definition.config as Record<string, unknown>;
  add(config.apiUrl);
  add(config.tokenUrl);
  const listing = config.listing as Record<string, unknown> | undefined;
  add(listing?.url);
  return [...hosts];
}
