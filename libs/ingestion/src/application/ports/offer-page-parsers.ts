import type { ParseResult, SiteDescription } from '../../domain/site-description.js';

/** The parsers a page or payload goes through, and the check of a site description's patterns. */
export abstract class OfferPageParsers {
  /** One offer of France Travail's API, as its JSON holds it. */
  abstract franceTravailOffer(offer: unknown): ParseResult;

  /** A page of a board, read by the board's site description. */
  abstract boardPage(html: string, pageUrl: string, description: SiteDescription): ParseResult;

  /** A page's schema.org JobPosting (JSON-LD or microdata). */
  abstract jobPostingPage(html: string, pageUrl: string): ParseResult;

  /** A single-offer page of any site: its JobPosting when it has one, else the page read as text. */
  abstract anyPage(html: string, pageUrl: string): { reader: string; result: ParseResult };

  /** Why a pattern cannot be used in a site description, or null. */
  abstract regexProblem(pattern: string): string | null;
}
