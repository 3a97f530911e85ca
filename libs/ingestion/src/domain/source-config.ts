import type { ErrorDetail } from '@passerelle/core';
import { OFFER_FIELD_NAMES } from './site-description.js';
import type { SourceKind } from './source.js';

type Problems = ErrorDetail[];

/** Checks that need more than the text: the regex engine the parsers run, the address policy. */
export interface ConfigChecks {
  /** Why a pattern cannot run in the parsers' regex engine, or null. */
  readonly regex: (pattern: string) => string | null;
  /** Why a URL may not be fetched (sources given through the API), or null; absent: any http(s) URL. */
  readonly url?: (url: string) => string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function url(value: unknown, field: string, problems: Problems, checks: ConfigChecks): void {
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be an http(s) URL' });
    return;
  }
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      problems.push({ field, reason: 'must be an http(s) URL' });
      return;
    }
  } catch {
    problems.push({ field, reason: 'must be an http(s) URL' });
    return;
  }
  const reason = checks.url?.(value);
  if (reason) problems.push({ field, reason });
}

function selector(value: unknown, field: string, problems: Problems): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 500) {
    problems.push({ field, reason: 'must be a CSS selector' });
  }
}

function regex(value: unknown, field: string, problems: Problems, checks: ConfigChecks): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be a regular expression' });
    return;
  }
  const reason = checks.regex(value);
  if (reason) problems.push({ field, reason });
}

function listing(value: unknown, field: string, problems: Problems, checks: ConfigChecks, cardsAllowed: boolean): void {
  if (!isRecord(value)) {
    problems.push({ field, reason: 'must describe the listing (url, offerLink or offerCard, nextPage)' });
    return;
  }
  url(value.url, `${field}.url`, problems, checks);
  if (value.offerCard !== undefined) {
    if (!cardsAllowed)
      problems.push({ field: `${field}.offerCard`, reason: 'cards need field rules: describe the board (html_board)' });
    else selector(value.offerCard, `${field}.offerCard`, problems);
    if (value.offerLink !== undefined) selector(value.offerLink, `${field}.offerLink`, problems);
  } else selector(value.offerLink, `${field}.offerLink`, problems);
  if (value.nextPage !== undefined) selector(value.nextPage, `${field}.nextPage`, problems);
  if (value.maxPages !== undefined && (!Number.isInteger(value.maxPages) || (value.maxPages as number) < 1)) {
    problems.push({ field: `${field}.maxPages`, reason: 'must be a positive integer' });
  }
}

function fieldRule(value: unknown, field: string, problems: Problems, checks: ConfigChecks): void {
  if (!isRecord(value)) {
    problems.push({ field, reason: 'must be a rule { selector, attr?, all?, regex?, html? }' });
    return;
  }
  selector(value.selector, `${field}.selector`, problems);
  regex(value.regex, `${field}.regex`, problems, checks);
}

/**
 * Checks a source configuration before it is stored: a board description that cannot work is
 * refused at once with the field at fault, not discovered at 3 a.m. by a failing run.
 */
export function configProblems(kind: SourceKind, config: unknown, checks: ConfigChecks): Problems {
  const problems: Problems = [];
  if (kind === 'manual') return problems;
  if (!isRecord(config)) return [{ field: 'config', reason: 'must be an object' }];
  if (kind === 'france_travail') {
    url(config.apiUrl, 'config.apiUrl', problems, checks);
    url(config.tokenUrl, 'config.tokenUrl', problems, checks);
    if (
      !Array.isArray(config.departements) ||
      !config.departements.every((d) => typeof d === 'string' && /^(\d{2}|2[AB]|97\d)$/.test(d))
    ) {
      problems.push({ field: 'config.departements', reason: 'must be a list of département codes such as "59"' });
    }
    if (
      config.romeCodes !== undefined &&
      (!Array.isArray(config.romeCodes) ||
        !config.romeCodes.every((c) => typeof c === 'string' && /^[A-N]\d{4}$/.test(c)))
    ) {
      problems.push({ field: 'config.romeCodes', reason: 'must be a list of ROME codes such as "K2204"' });
    }
  } else if (kind === 'jsonld') {
    listing(config.listing, 'config.listing', problems, checks, false);
  } else {
    listing(config.listing, 'config.listing', problems, checks, true);
    const offer = config.offer;
    if (!isRecord(offer)) {
      problems.push({ field: 'config.offer', reason: 'must describe the offer page (externalId, fields)' });
      return problems;
    }
    if (isRecord(offer.externalId) && 'fromUrl' in offer.externalId)
      regex(offer.externalId.fromUrl, 'config.offer.externalId.fromUrl', problems, checks);
    else fieldRule(offer.externalId, 'config.offer.externalId', problems, checks);
    if (!isRecord(offer.fields)) {
      problems.push({ field: 'config.offer.fields', reason: 'must map field names to rules' });
      return problems;
    }
    if (!offer.fields.title) problems.push({ field: 'config.offer.fields.title', reason: 'is required' });
    for (const [name, rule] of Object.entries(offer.fields)) {
      if (!(OFFER_FIELD_NAMES as readonly string[]).includes(name)) {
        problems.push({
          field: `config.offer.fields.${name}`,
          reason: `unknown field; expected one of ${OFFER_FIELD_NAMES.join(', ')}`,
        });
      } else fieldRule(rule, `config.offer.fields.${name}`, problems, checks);
    }
  }
  return problems;
}

/** A configuration as the API shows it: secrets replaced. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return 'clientSecret' in config ? { ...config, clientSecret: '***' } : config;
}
