import { mapConcurrent } from '@passerelle/core';
import type { SiteDescription } from '../../domain/site-description.js';
import type { FetchedPayload, SourceItem } from '../../domain/source.js';
import { FetchError } from '../../domain/fetch-error.js';
import { parseAnyOfferPage } from '../parsers/any-page.parser.js';
import {
  type ParseResult,
  parseListingCards,
  parseListingPage,
  parseOfferPage,
} from '../parsers/site-description.parser.js';
import type { SourceAdapter, SourceRunContext } from './source-adapter.js';

type Listing = SiteDescription['listing'];
type OfferParser = (html: string, url: string) => ParseResult;

/**
 * Walks a paginated listing and collects every offer link once; on a board whose cards carry the
 * offers, yields each card's offer (or rejection) at once, with the card's HTML as its payload.
 */
async function* walkListing(
  listing: Listing,
  description: SiteDescription,
  context: SourceRunContext,
  links: Set<string>,
  parse: OfferParser,
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
    if (listing.offerCard) {
      const page = parseListingCards(html, pageUrl, description);
      for (const card of page.cards)
        yield itemOf(parse(card.html, card.url), card.url, {
          body: card.html,
          contentType: 'text/html',
          url: card.url,
        });
      pageUrl = page.nextPageUrl;
      continue;
    }
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
  const item = itemOf(parse(body, url), url, { body, contentType, url });
  return item.kind === 'offer' ? { ...item, cache: { url, ...validators } } : item;
}

function itemOf(parsed: ParseResult, url: string, payload: FetchedPayload): SourceItem {
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
  return { kind: 'offer', raw: parsed.raw, payload };
}

async function* crawl(
  listing: Listing,
  description: SiteDescription,
  context: SourceRunContext,
  parse: OfferParser,
): AsyncGenerator<SourceItem> {
  const links = new Set<string>();
  yield* walkListing(listing, description, context, links, parse);
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

/**
 * Any site's offer pages: only the listing is described; each page is read through its schema.org
 * JobPosting, or as text when it has none.
 */
export const jsonLdSource: SourceAdapter = {
  items(context) {
    const { listing } = context.definition.config as { listing: Listing };
    const description = { name: context.definition.name, label: context.definition.label, listing } as SiteDescription;
    return crawl(listing, description, context, parseAnyOfferPage);
  },
};
