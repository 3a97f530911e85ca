import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { normalizeOffer, OFFER_LOOKUPS, type NormalizedOffer, type OfferLookups } from '@passerelle/offers';
import type { SiteDescription } from '../domain/site-description.js';
import { IngestionSourceEntity } from '../infrastructure/ingestion-source.entity.js';
import { type FranceTravailOffer, parseFranceTravailOffer } from '../infrastructure/parsers/france-travail.parser.js';
import { readOfferPage } from '../infrastructure/parsers/any-page.parser.js';
import { type ParseResult, parseOfferPage } from '../infrastructure/parsers/site-description.parser.js';
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
    @InjectRepository(IngestionSourceEntity) private readonly sources: Repository<IngestionSourceEntity>,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly trusted: TrustedFetchHosts,
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
        return { parser: 'france-travail', result: parseFranceTravailOffer(JSON.parse(trimmed) as FranceTravailOffer) };
      } catch {
        // not JSON after all: an HTML page starting oddly
      }
    }
    if (pageUrl.startsWith('http')) {
      const host = new URL(pageUrl).host;
      const boards = await this.sources.findBy({ kind: 'html_board' });
      const board = boards.find((source) => {
        const listing = (source.config as unknown as SiteDescription).listing;
        return typeof listing?.url === 'string' && new URL(listing.url).host === host;
      });
      if (board)
        return {
          parser: board.name,
          result: parseOfferPage(body, pageUrl, board.config as unknown as SiteDescription),
        };
    }
    const { reader, result } = readOfferPage(body, pageUrl);
    return { parser: reader, result };
  }
}
