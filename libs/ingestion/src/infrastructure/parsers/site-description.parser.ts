import type { CheerioAPI } from 'cheerio';
import type { FieldRule, OfferFieldName, ParseResult, SiteDescription } from '../../domain/site-description.js';
import { loadHtml } from './html.js';
import { safeRegex } from './safe-regex.js';

export type { ParseResult } from '../../domain/site-description.js';

const LIST_FIELDS = new Set<OfferFieldName>(['skills', 'qualities', 'requirements']);

function absolute(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function extract($: CheerioAPI, rule: FieldRule): string[] {
  const elements = $(rule.selector);
  const picked = rule.all ? elements.toArray() : elements.toArray().slice(0, 1);
  const regex = rule.regex ? safeRegex(rule.regex, true) : null;
  const values: string[] = [];
  for (const element of picked) {
    const node = $(element);
    let value = rule.attr ? (node.attr(rule.attr) ?? '') : rule.html ? (node.html() ?? '') : node.text();
    if (!rule.html) value = clean(value);
    if (regex) value = regex.exec(value)?.[1]?.trim() ?? '';
    if (value !== '') values.push(value);
  }
  return values;
}

/** The offer links and the next listing page of one listing page, as absolute URLs. */
export function parseListingPage(
  html: string,
  pageUrl: string,
  description: SiteDescription,
): { offerUrls: string[]; nextPageUrl: string | null } {
  const $ = loadHtml(html);
  const offerUrls = new Set<string>();
  if (description.listing.offerLink === undefined)
    return { offerUrls: [], nextPageUrl: nextOf($, pageUrl, description) };
  $(description.listing.offerLink).each((_, element) => {
    const href = $(element).attr('href');
    const url = href ? absolute(href, pageUrl) : null;
    if (url) offerUrls.add(url);
  });
  return { offerUrls: [...offerUrls], nextPageUrl: nextOf($, pageUrl, description) };
}

function nextOf($: CheerioAPI, pageUrl: string, description: SiteDescription): string | null {
  const nextHref = description.listing.nextPage ? $(description.listing.nextPage).first().attr('href') : undefined;
  const next = nextHref ? absolute(nextHref, pageUrl) : null;
  return next && next !== pageUrl ? next : null;
}

/**
 * The cards of a listing page whose cards carry the offers (`listing.offerCard`): each card's HTML
 * (kept as the offer's payload) and the URL it links to (else the listing page's). Reading a card is
 * `parseOfferPage(card.html, card.url, description)`, so a stored card replays as a page does.
 */
export function parseListingCards(
  html: string,
  pageUrl: string,
  description: SiteDescription,
): { cards: Array<{ html: string; url: string }>; nextPageUrl: string | null } {
  const $ = loadHtml(html);
  const cards: Array<{ html: string; url: string }> = [];
  if (description.listing.offerCard) {
    $(description.listing.offerCard).each((_, element) => {
      const card = $(element);
      const link = description.listing.offerLink ? card.find(description.listing.offerLink) : card.find('a[href]');
      const href = (card.is('a[href]') ? card : link.first()).attr('href');
      cards.push({ html: $.html(card), url: (href ? absolute(href, pageUrl) : null) ?? pageUrl });
    });
  }
  return { cards, nextPageUrl: nextOf($, pageUrl, description) };
}

/** One offer page read with the site's field rules. The title is required; the rest as found. */
export function parseOfferPage(html: string, pageUrl: string, description: SiteDescription): ParseResult {
  const $ = loadHtml(html);
  const idRule = description.offer.externalId;
  const externalId =
    'fromUrl' in idRule ? (safeRegex(idRule.fromUrl).exec(pageUrl)?.[1] ?? '') : (extract($, idRule)[0] ?? '');
  if (!externalId) return { ok: false, field: 'externalId', reason: 'not found on the page' };
  const fields: Record<string, string | string[]> = { url: pageUrl };
  for (const [name, rule] of Object.entries(description.offer.fields) as Array<[OfferFieldName, FieldRule]>) {
    const values = extract($, rule);
    if (values.length === 0) continue;
    fields[name] = LIST_FIELDS.has(name) ? values : values.join(' ');
  }
  if (typeof fields.title !== 'string' || fields.title === '') {
    return {
      ok: false,
      field: 'title',
      reason: `missing: nothing matches ${description.offer.fields.title.selector}`,
      externalId,
    };
  }
  return { ok: true, raw: { externalId, fields: fields } };
}
