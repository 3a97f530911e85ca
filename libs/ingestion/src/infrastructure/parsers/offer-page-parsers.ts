import { Injectable } from '@nestjs/common';
import type { ParseResult, SiteDescription } from '../../domain/site-description.js';
import { OfferPageParsers } from '../../application/ports/offer-page-parsers.js';
import { readOfferPage } from './any-page.parser.js';
import { type FranceTravailOffer, parseFranceTravailOffer } from './france-travail.parser.js';
import { parseJobPostingPage } from './jsonld.parser.js';
import { regexProblem } from './safe-regex.js';
import { parseOfferPage } from './site-description.parser.js';

/** The parsers of this folder (cheerio for HTML, RE2 for the descriptions' patterns). */
@Injectable()
export class CheerioOfferPageParsers extends OfferPageParsers {
  franceTravailOffer(offer: unknown): ParseResult {
    return parseFranceTravailOffer(offer as FranceTravailOffer);
  }

  boardPage(html: string, pageUrl: string, description: SiteDescription): ParseResult {
    return parseOfferPage(html, pageUrl, description);
  }

  jobPostingPage(html: string, pageUrl: string): ParseResult {
    return parseJobPostingPage(html, pageUrl);
  }

  anyPage(html: string, pageUrl: string): { reader: string; result: ParseResult } {
    return readOfferPage(html, pageUrl);
  }

  regexProblem(pattern: string): string | null {
    return regexProblem(pattern);
  }
}
