import type { CatalogEntry, DemoCatalog } from '../catalog/demo-catalog.js';
import { VisibleListing } from '../catalog/visible-listing.js';
import type { DemoState, Windows1252Declaration } from '../control/demo-state.js';
import type { DemoOffer } from '../generator/demo-offer.js';
import { encodeWindows1252 } from '../encoding/windows-1252.js';
import { send, type DemoRequestContext, type DemoSourceApp } from '../http/demo-http.js';
import {
  JOB_CONNEXION_LISTING_PATH,
  JOB_CONNEXION_PREFIX,
  jobConnexionErrorHtml,
  jobConnexionHomeHtml,
  jobConnexionListingHtml,
  jobConnexionOfferHtml,
} from './job-connexion.pages.js';

export interface JobConnexionOptions {
  readonly pageSize: number;
}

function sendPage(
  context: DemoRequestContext,
  render: (charset: 'utf-8' | 'windows-1252') => string,
  legacy: Windows1252Declaration | undefined,
  lastModifiedMs?: number,
): void {
  const cacheable = lastModifiedMs === undefined ? {} : { lastModifiedMs };
  if (legacy === undefined) {
    send(context, { status: 200, contentType: 'text/html; charset=utf-8', body: render('utf-8'), cacheable });
    return;
  }
  send(context, {
    status: 200,
    // The legacy back office sometimes forgets the charset parameter: then only <meta charset> tells.
    contentType: legacy === 'header' ? 'text/html; charset=windows-1252' : 'text/html',
    body: encodeWindows1252(render('windows-1252'), { unmappable: 'html' }),
    cacheable,
  });
}

export function jobConnexionApp(catalog: DemoCatalog, state: DemoState, options: JobConnexionOptions): DemoSourceApp {
  const year = catalog.options.referenceDate.getUTCFullYear();
  const visible = new VisibleListing(catalog.entries('job-connexion'), state);
  const listed = (): readonly CatalogEntry[] => visible.entries();
  const offers = (entries: readonly CatalogEntry[]): DemoOffer[] => entries.map((entry) => catalog.offerOf(entry));

  const sendError = (context: DemoRequestContext, status: number): void => {
    send(context, { status, contentType: 'text/html; charset=utf-8', body: jobConnexionErrorHtml(status, year) });
  };

  const listing = (context: DemoRequestContext): void => {
    const offsetParam = context.url.searchParams.get('offset');
    const offset = offsetParam === null ? 0 : Number(offsetParam);
    const entries = listed();
    if (!Number.isInteger(offset) || offset < 0 || (offset > 0 && offset >= entries.length)) {
      sendError(context, 404);
      return;
    }
    const render = (charset: 'utf-8' | 'windows-1252'): string =>
      jobConnexionListingHtml({
        offers: offers(entries.slice(offset, offset + options.pageSize)),
        sponsored: offers(entries.slice(0, 2)),
        offset,
        pageSize: options.pageSize,
        total: entries.length,
        year,
        charset,
      });
    sendPage(context, render, state.jobConnexion.windows1252Listings.has(offset) ? 'header' : undefined);
  };

  const detail = (context: DemoRequestContext, id: string): void => {
    const entry = catalog.entry(id);
    if (!entry || entry.platform !== 'job-connexion') {
      sendError(context, 404);
      return;
    }
    if (state.dropped.has(id)) {
      sendError(context, 410);
      return;
    }
    const offer = catalog.offerOf(entry);
    const all = listed();
    const position = visible.positionOf(id) ?? all.length;
    const similar = offers(all.slice(position + 1, position + 4));
    const render = (charset: 'utf-8' | 'windows-1252'): string =>
      jobConnexionOfferHtml({ offer, similar, origin: context.origin, year, charset });
    sendPage(context, render, state.jobConnexion.windows1252.get(id), Date.parse(offer.updatedAt));
  };

  return {
    prefix: JOB_CONNEXION_PREFIX,
    robotsRules: [`Disallow: ${JOB_CONNEXION_PREFIX}/compte/`],
    sendError,
    handle(context) {
      const method = context.req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        sendError(context, 405);
        return;
      }
      const path = context.url.pathname.replace(/\/+$/, '');
      if (path === JOB_CONNEXION_PREFIX) {
        send(context, {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: jobConnexionHomeHtml(listed().length, year),
          cacheable: {},
        });
        return;
      }
      if (path === JOB_CONNEXION_LISTING_PATH) {
        listing(context);
        return;
      }
      // The slug after the id is decoration: links from older pages with another title still work.
      const offerMatch = /^\/jobconnexion\/offre\/([0-9a-z]+)(?:\/[^/]*)?$/.exec(path);
      if (offerMatch) {
        detail(context, offerMatch[1]);
        return;
      }
      sendError(context, path.startsWith(`${JOB_CONNEXION_PREFIX}/compte`) ? 403 : 404);
    },
  };
}
