import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@passerelle/core';
import type { OfferLookups } from '../domain/lookups.js';
import type { NormalizationResult } from '../domain/offer.js';
import { normalizeOffer, type OfferInput } from '../domain/normalize-offer.js';
import { postingProblems } from '../domain/posting-rules.js';
import { OfferReader } from './ports/offer-reader.js';
import { OfferStore } from './ports/offer-store.js';
import { OFFER_LOOKUPS } from './offer-lookups.token.js';
import { storedOffer, toOfferView, type OfferView } from './offer-view.js';
import { offersError } from '../domain/offers-errors.js';

export const MANUAL_SOURCE = 'manual';

export interface PostedBy {
  readonly userId: string;
  readonly structureId: string;
}

/**
 * An offer posted by platform staff (negotiated with an employer, or captured by IOD mediation):
 * the same normalisation and the same refusals as an ingested offer, then indexed like any other.
 */
@Injectable()
export class PostOffer {
  constructor(
    private readonly store: OfferStore,
    private readonly offers: OfferReader,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly clock: Clock,
  ) {}

  async execute(author: PostedBy, fields: OfferInput['fields'], source = MANUAL_SOURCE): Promise<OfferView> {
    const externalId = randomUUID();
    const now = this.clock.now();
    // Published now unless told otherwise: a new offer comes first in a list by date.
    const result = await checkedOffer(
      source,
      externalId,
      { publishedAt: now.toISOString(), ...fields },
      now,
      this.lookups,
    );
    const outcome = await this.store.applyBatch(
      source,
      null,
      [{ offer: result.offer, contentHash: result.contentHash, payloadHash: null }],
      {
        postedBy: author.userId,
        structureId: author.structureId,
      },
    );
    await this.store.linkDuplicates(outcome.changedIds);
    return toOfferView(await storedOffer(this.offers.bySourceKey(source, externalId)));
  }
}

/**
 * An offer typed by staff, normalised as an ingested one plus the posting rules (SIRET, expiry),
 * every problem reported at once by field; 422 `offer.invalid` when any.
 */
export async function checkedOffer(
  source: string,
  externalId: string,
  fields: OfferInput['fields'],
  now: Date,
  lookups: () => Promise<OfferLookups>,
): Promise<Extract<NormalizationResult, { ok: true }>> {
  const problems = postingProblems(fields, now);
  const result = normalizeOffer({ source, externalId, fields }, await lookups(), now);
  if (!result.ok && !problems.some((problem) => problem.field === result.rejection.field))
    problems.unshift(result.rejection);
  if (!result.ok || problems.length > 0)
    throw offersError(
      'offer.invalid',
      problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '),
      problems,
    );
  return result;
}
