import { readFileSync } from 'node:fs';

/**
 * The declarative descriptions of the two demo boards, kept as JSON (a new board is a JSON file, not
 * code) with `{{baseUrl}}` where the servers' origin goes. The types below mirror the ingestion
 * lib's SiteDescription structurally, so this lib does not depend on it.
 */
export interface DemoFieldRule {
  readonly selector: string;
  readonly attr?: string;
  readonly all?: boolean;
  readonly regex?: string;
  readonly html?: boolean;
}

export interface DemoSiteDescription {
  readonly name: string;
  readonly label: string;
  readonly listing: {
    readonly url: string;
    readonly offerLink: string;
    readonly nextPage?: string;
    readonly maxPages?: number;
  };
  readonly offer: {
    readonly externalId: DemoFieldRule | { readonly fromUrl: string };
    readonly fields: Readonly<Record<string, DemoFieldRule>> & { readonly title: DemoFieldRule };
  };
}

export interface DemoSiteDescriptions {
  readonly nordemploi: DemoSiteDescription;
  readonly jobConnexion: DemoSiteDescription;
}

const FILES: Readonly<Record<keyof DemoSiteDescriptions, string>> = {
  nordemploi: 'nordemploi.site.json',
  jobConnexion: 'job-connexion.site.json',
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldRule(value: unknown): value is DemoFieldRule {
  if (!isRecord(value) || typeof value.selector !== 'string' || value.selector === '') return false;
  if (value.regex !== undefined && (typeof value.regex !== 'string' || !compiles(value.regex))) return false;
  return (
    (value.attr === undefined || typeof value.attr === 'string') &&
    (value.all === undefined || typeof value.all === 'boolean') &&
    (value.html === undefined || typeof value.html === 'boolean')
  );
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function isSiteDescription(value: unknown): value is DemoSiteDescription {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.label !== 'string') return false;
  const { listing, offer } = value;
  if (!isRecord(listing) || typeof listing.url !== 'string' || typeof listing.offerLink !== 'string') return false;
  if (listing.nextPage !== undefined && typeof listing.nextPage !== 'string') return false;
  if (!isRecord(offer) || !isRecord(offer.fields) || !isFieldRule(offer.fields.title)) return false;
  const externalId = offer.externalId;
  const idOk =
    isRecord(externalId) && typeof externalId.fromUrl === 'string'
      ? compiles(externalId.fromUrl)
      : isFieldRule(externalId);
  return idOk && Object.values(offer.fields).every(isFieldRule);
}

function fillBaseUrl(value: Json, baseUrl: string): Json {
  if (typeof value === 'string') return value.replaceAll('{{baseUrl}}', baseUrl);
  if (Array.isArray(value)) return value.map((item) => fillBaseUrl(item, baseUrl));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillBaseUrl(item, baseUrl)]));
  }
  return value;
}

const raw = new Map<string, Json>();

function load(file: string): Json {
  let json = raw.get(file);
  if (json === undefined) {
    // Read beside this module, in src/ under jest and in dist/ after the build (which copies .json).
    json = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as Json;
    raw.set(file, json);
  }
  return json;
}

/** The two board descriptions with `{{baseUrl}}` replaced by `baseUrl` (the demo servers' origin). */
export function siteDescriptions(baseUrl: string): DemoSiteDescriptions {
  const origin = baseUrl.replace(/\/+$/, '');
  const describe = (file: string): DemoSiteDescription => {
    const description = fillBaseUrl(load(file), origin);
    if (!isSiteDescription(description)) throw new Error(`${file} is not a valid site description`);
    return description;
  };
  return { nordemploi: describe(FILES.nordemploi), jobConnexion: describe(FILES.jobConnexion) };
}
