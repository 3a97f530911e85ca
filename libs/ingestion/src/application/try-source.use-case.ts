import { Inject, Injectable } from '@nestjs/common';
import { type ErrorDetail } from '@passerelle/core';
import { normalizeOffer, OFFER_LOOKUPS, type NormalizedOffer, type OfferLookups } from '@passerelle/offers';
import { urlProblem } from '../domain/public-address.js';
import type { RawOffer, SiteDescription } from '../domain/site-description.js';
import type { SourceKind } from '../domain/source.js';
import { FetchError } from '../domain/fetch-error.js';
import { OfferPageParsers } from './ports/offer-page-parsers.js';
import { ManageSources } from './manage-sources.use-case.js';
import { TrustedFetchHosts } from './trusted-fetch-hosts.js';
import { ingestionError } from '../domain/ingestion-errors.js';

export interface SourceTrial {
  readonly kind: SourceKind;
  readonly config: Record<string, unknown>;
  /** One offer page of the site, as a run would reach it. */
  readonly url: string;
}

export interface TrialResult {
  /** The site's own id of the offer, when the description finds it. */
  readonly externalId: string | null;
  /** What the description extracts from the page, field by field, before normalisation. */
  readonly fields: RawOffer['fields'] | null;
  /** The offer as it would be stored, or null when it would be rejected. */
  readonly offer: NormalizedOffer | null;
  /** Why a run would reject this page (the field at fault), or null. */
  readonly rejection: { readonly field: string; readonly reason: string } | null;
}

/**
 * A source's description tried on one page before it is saved: the same checks as saving it, the
 * same safe fetch as a run (public addresses only unless the operator trusts the host, robots.txt,
 * size and time limits), the same parser and normalisation. Nothing is stored.
 */
@Injectable()
export class TrySource {
  constructor(
    private readonly sources: ManageSources,
    private readonly trusted: TrustedFetchHosts,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly parsers: OfferPageParsers,
  ) {}

  async execute(trial: SourceTrial): Promise<TrialResult> {
    const problems: ErrorDetail[] = [];
    if (trial.kind !== 'html_board' && trial.kind !== 'jsonld')
      problems.push({ field: 'kind', reason: 'only a site (html_board or jsonld) is tried on a page' });
    else problems.push(...this.sources.problemsOf(trial.kind, trial.config));
    const urlReason = urlProblem(trial.url, this.trusted.hosts);
    if (urlReason) problems.push({ field: 'url', reason: urlReason });
    if (problems.length > 0)
      throw ingestionError('source.invalid_config', 'the source configuration is not valid', problems);

    const body = await this.fetch(trial.url);
    const parsed =
      trial.kind === 'html_board'
        ? this.parsers.boardPage(body, trial.url, trial.config as unknown as SiteDescription)
        : this.parsers.jobPostingPage(body, trial.url);
    if (!parsed.ok)
      return {
        externalId: parsed.externalId ?? null,
        fields: null,
        offer: null,
        rejection: { field: parsed.field, reason: parsed.reason },
      };
    const normalized = normalizeOffer(
      { source: 'trial', externalId: parsed.raw.externalId, fields: parsed.raw.fields },
      await this.lookups(),
    );
    return {
      externalId: parsed.raw.externalId,
      fields: parsed.raw.fields,
      offer: normalized.ok ? normalized.offer : null,
      rejection: normalized.ok ? null : normalized.rejection,
    };
  }

  private async fetch(url: string): Promise<string> {
    try {
      return await this.trusted.fetchOnePage(url, 0);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      throw ingestionError('source.page_unreachable', 'the page could not be read', [
        { field: 'url', reason: `${error.failure}${error.status ? ` ${error.status}` : ''}: ${error.message}` },
      ]);
    }
  }
}
