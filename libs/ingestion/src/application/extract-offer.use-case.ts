import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { normalizeOffer, OFFER_LOOKUPS, type NormalizedOffer, type OfferLookups } from '@passerelle/offers';
import type { ParseResult, SiteDescription } from '../domain/site-description.js';
import { OfferPageParsers } from './ports/offer-page-parsers.js';
import { SourceStore } from './ports/source-store.js';
import { TrustedFetchHosts } from './trusted-fetch-hosts.js';
import { ingestionError } from '../domain/ingestion-errors.js';

export interface Extraction {
  readonly parser: string;
  readonly offer: NormalizedOffer;
}

/**
 * One page → one normalised offer, for checking a parser or a site description by hand:
 * France Travail JSON, a page of a configured board (by host), else schema.org JobPosting, else the
 * page read as text (heading, main text, labelled facts).
 */
@Injectable()
export class ExtractOffer {
  constructor(
    private readonly sources: SourceStore,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly trusted: TrustedFetchHosts,
    private readonly parsers: OfferPageParsers,
  ) {}

  async execute(target: string): Promise<Extraction> {
    const isUrl = /^https?:\/\//i.test(target);
    const body = isUrl ? await this.trusted.fetchOnePage(target, 1) : await readFile(target, 'utf8');
    const pageUrl = isUrl ? target : `file://${target}`;
    const { parser, result } = await this.parse(body, pageUrl);
    if (!result.ok) throw ingestionError('extract.rejected', `${result.field}: ${result.reason}`, [result]);
    const normalized = normalizeOffer(
      { source: parser, externalId: result.raw.externalId, fields: result.raw.fields },
      await this.lookups(),
    );
    if (!normalized.ok) {
      throw ingestionError('extract.rejected', `${normalized.rejection.field}: ${normalized.rejection.reason}`, [
        normalized.rejection,
      ]);
    }
    return { parser, offer: normalized.offer };
  }

  private async parse(body: string, pageUrl: string): Promise<{ parser: string; result: ParseResult }> {
    const trimmed = body.trimStart();
    if (trimmed.startsWith('{')) {
      try {
        return { parser: 'france-travail', result: this.parsers.franceTravailOffer(JSON.parse(trimmed)) };
      } catch {
        // not JSON after all: an HTML page starting oddly
      }
    }
    if (pageUrl.startsWith('http')) {
      const host = new URL(pageUrl).host;
      const boards = await this.sources.ofKind('html_board');
      const board = boards.find((source) => {
        const listing = (source.config as unknown as SiteDescription).listing;
        return typeof listing?.url === 'string' && new URL(listing.url).host === host;
      });
      if (board)
        return {
          parser: board.name,
          result: this.parsers.boardPage(body, pageUrl, board.config as unknown as SiteDescription),
        };
    }
    const { reader, result } = this.parsers.anyPage(body, pageUrl);
    return { parser: reader, result };
  }
}
