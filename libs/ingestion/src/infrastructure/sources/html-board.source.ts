import { mapConcurrent } from '@passerelle/core';
import type { SiteDescription } from '../../domain/site-description.js';
import type { SourceItem } from '../../domain/source.js';
import { FetchError } from '../http/fetch-error.js';
import { parseJobPostingPage } from '../parsers/jsonld.parser.js';
import { type ParseResult, parseListingPage, parseOfferPage } from '../parsers/site-description.parser.js';
import type { SourceAdapter, SourceRunContext } from './source-adapter.js';

type Listing = SiteDescription['listing'];
type OfferParser = (html: string, url: string) => ParseResult;

/** Walks a paginated listing and collects every offer link once. */
async function* walkListing(
  listing: Listing,
  description: SiteDescription,
  context: SourceRunContext,
  links: Set<string>,
): AsyncGenerator<SourceItem> {
  let pageUrl: string | null = listing.url;
  const seenPages = new Set<string>();
  const maxPages = listing.maxPages ?? 500;
  while (pageUrl && !seenPages.has(pageUrl) && seenPages.size < maxPages) {
    seenPages.add(pageUrl);
    let html: string;
    try {
      html = (await context.fetcher.fetch(pageUrl, {}, context.signal)).text;
    } catch (error) {
      yield {
        kind: 'incomplete',
        reason: `listing page ${pageUrl}: ${error instanceof Error ? error.message : String(error)}`,
      };
      return;
    }
    yield { kind: 'page' };
    const page = parseListingPage(html, pageUrl, description);
    page.offerUrls.forEach((url) => links.add(url));
    pageUrl = page.nextPageUrl;
  }
}

/** Fetches one offer page (conditionally when we have validators) and parses it. */
async function fetchOffer(url: string, context: SourceRunContext, parse: OfferParser): Promise<SourceItem> {
  const cached = await context.cached(url);
  let body: string;
  let contentType: string;
  let validators: { etag: string | null; lastModified: string | null };
  try {
    const page = await context.fetcher.fetch(
      url,
      { validators: cached ? { etag: cached.etag, lastModified: cached.lastModified } : null },
      context.signal,
    );
    if (page.notModified && cached) {
      body = cached.body;
      contentType = cached.contentType;
      validators = { etag: cached.etag, lastModified: cached.lastModified };
    } else {
      body = page.text;
      contentType = page.contentType;
      validators = page.validators;
    }
  } catch (error) {
    if (error instanceof FetchError) {
      return { kind: 'rejection', url, field: 'page', reason: error.status ? `HTTP ${error.status}` : error.failure };
    }
    throw error;
  }
  const payload = { body, contentType, url };
  const parsed = parse(body, url);
  if (!parsed.ok) {
    return {
      kind: 'rejection',
      url,
      externalId: parsed.externalId,
      field: parsed.field,
      reason: parsed.reason,
      payload,
    };
  }
  return { kind: 'offer', raw: parsed.raw, payload, cache: { url, ...validators } };
}

async function* crawl(
  listing: Listing,
  description: SiteDescription,
  context: SourceRunContext,
  parse: OfferParser,
): AsyncGenerator<SourceItem> {
  const links = new Set<string>();
  yield* walkListing(listing, description, context, links);
  yield* mapConcurrent([...links], Math.max(1, context.definition.maxConcurrency), (url) =>
    fetchOffer(url, context, parse),
  );
}

/** A job board described declaratively (listing, pagination, one rule per field). */
export const htmlBoardSource: SourceAdapter = {
  items(context) {
    const description = context.definition.config as SiteDescription;
    return crawl(description.listing, description, context, (html, url) => parseOfferPage(html, url, description));
  },
};

/** Any site whose offer pages carry schema.org JobPosting: only the listing is described. */
export const jsonLdSource: SourceAdapter = {
  items(context) {
    const { listing } = context.definition.config as { listing: Listing };
    const description = { name: context.definition.name, label: context.definition.label, listing } as SiteDescription;
    return crawl(listing, description, context, parseJobPostingPage);
  },
};
