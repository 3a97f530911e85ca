import type { CatalogEntry, DemoCatalog } from '../catalog/demo-catalog.js';
import { VisibleListing } from '../catalog/visible-listing.js';
import type { DemoState } from '../control/demo-state.js';
import type { DemoOffer } from '../generator/demo-offer.js';
import { send, type DemoRequestContext, type DemoSourceApp } from '../http/demo-http.js';
import {
  NORDEMPLOI_LISTING_PATH,
  NORDEMPLOI_PREFIX,
  nordemploiErrorHtml,
  nordemploiHomeHtml,
  nordemploiListingHtml,
  nordemploiOfferHtml,
  nordemploiTruncatedOfferHtml,
} from './nordemploi.pages.js';
import { nordemploiHasJsonLd } from './page-traits.js';

export interface NordemploiOptions {
  readonly pageSize: number;
}

const HTML = 'text/html; charset=utf-8';

export function nordemploiApp(catalog: DemoCatalog, state: DemoState, options: NordemploiOptions): DemoSourceApp {
  const year = catalog.options.referenceDate.getUTCFullYear();
  const seed = catalog.options.seed;

  const visible = new VisibleListing(catalog.entries('nordemploi'), state);
  const listed = (): readonly CatalogEntry[] => visible.entries();
  const offers = (entries: readonly CatalogEntry[]): DemoOffer[] => entries.map((entry) => catalog.offerOf(entry));

  const sendError = (context: DemoRequestContext, status: number): void => {
    send(context, { status, contentType: HTML, body: nordemploiErrorHtml(status, year) });
  };

  const listing = (context: DemoRequestContext): void => {
    const pageParam = context.url.searchParams.get('page');
    const page = pageParam === null ? 1 : Number(pageParam);
    if (!Number.isInteger(page) || page < 1) {
      sendError(context, 404);
      return;
    }
    const entries = listed();
    const pageCount = Math.ceil(entries.length / options.pageSize);
    if (page > Math.max(1, pageCount)) {
      sendError(context, 404);
      return;
    }
    const start = (page - 1) * options.pageSize;
    const html = nordemploiListingHtml({
      offers: offers(entries.slice(start, start + options.pageSize)),
      featured: offers(entries.slice(0, 3)),
      page,
      pageCount,
      total: entries.length,
      year,
    });
    send(context, { status: 200, contentType: HTML, body: html, cacheable: {} });
  };

  const detail = (context: DemoRequestContext, id: string): void => {
    const entry = catalog.entry(id);
    if (!entry || entry.platform !== 'nordemploi' || state.dropped.has(id) || state.nordemploi.notFound.has(id)) {
      sendError(context, 404);
      return;
    }
    const offer = catalog.offerOf(entry);
    const all = listed();
    const position = visible.positionOf(id) ?? all.length;
    // Neighbours in the listing stand in for "similar offers", as cheap as the real thing is vague.
    const similar = offers(all.slice(position + 1, position + 4));
    const page = {
      offer,
      similar,
      origin: context.origin,
      year,
      jsonLd: nordemploiHasJsonLd(seed, id) && !state.nordemploi.missingTitle.has(id),
      withoutTitle: state.nordemploi.missingTitle.has(id),
    };
    const html = state.nordemploi.malformed.has(id) ? nordemploiTruncatedOfferHtml(page) : nordemploiOfferHtml(page);
    send(context, {
      status: 200,
      contentType: HTML,
      body: html,
      cacheable: { lastModifiedMs: Date.parse(offer.updatedAt) },
    });
  };

  return {
    prefix: NORDEMPLOI_PREFIX,
    robotsRules: [
      `Disallow: ${NORDEMPLOI_PREFIX}/admin`,
      `Disallow: ${NORDEMPLOI_PREFIX}/recherche`,
      `Disallow: ${NORDEMPLOI_PREFIX}/offres/*/postuler`,
    ],
    sendError,
    handle(context) {
      const method = context.req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        send(context, {
          status: 405,
          contentType: HTML,
          body: nordemploiErrorHtml(405, year),
          headers: { Allow: 'GET, HEAD' },
        });
        return;
      }
      const path = context.url.pathname.replace(/\/+$/, '');
      if (path === NORDEMPLOI_PREFIX) {
        const entries = listed();
        send(context, {
          status: 200,
          contentType: HTML,
          body: nordemploiHomeHtml(offers(entries.slice(0, 5)), entries.length, year),
          cacheable: {},
        });
        return;
      }
      if (path === NORDEMPLOI_LISTING_PATH) {
        listing(context);
        return;
      }
      const offerMatch = /^\/nordemploi\/offres\/([^/]+)$/.exec(path);
      if (offerMatch) {
        detail(context, offerMatch[1]);
        return;
      }
      if (path.startsWith(`${NORDEMPLOI_PREFIX}/admin`)) {
        sendError(context, 403);
        return;
      }
      sendError(context, 404);
    },
  };
}
