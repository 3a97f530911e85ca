import { parseJobPostingPage } from './jsonld.parser.js';
import { parsePageText } from './page-text.parser.js';
import type { ParseResult } from './site-description.parser.js';

export type PageReader = 'jsonld' | 'page-text';

/**
 * A single-offer page of any site: its schema.org JobPosting (JSON-LD or microdata) when it has one,
 * which is exact; otherwise the page read as text (heading, main text, labelled facts).
 */
export function readOfferPage(html: string, pageUrl: string): { reader: PageReader; result: ParseResult } {
  const structured = parseJobPostingPage(html, pageUrl);
  if (structured.ok || structured.field !== 'page') return { reader: 'jsonld', result: structured };
  return { reader: 'page-text', result: parsePageText(html, pageUrl) };
}

/** `readOfferPage` for the source adapters, which only need the result. */
export function parseAnyOfferPage(html: string, pageUrl: string): ParseResult {
  return readOfferPage(html, pageUrl).result;
}
