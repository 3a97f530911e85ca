import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import type { OfferLookups } from '../domain/lookups.js';
import { normalizeOffer, type OfferInput } from '../domain/normalize-offer.js';
import { OfferEntity } from '../infrastructure/offer.entity.js';
import { OfferStore } from '../infrastructure/offer-store.js';
import { OFFER_LOOKUPS } from './offer-lookups.token.js';
import { toOfferView, type OfferView } from './offer-view.js';

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
    @InjectRepository(OfferEntity) private readonly offers: Repository<OfferEntity>,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
  ) {}

  async execute(author: PostedBy, fields: OfferInput['fields'], source = MANUAL_SOURCE): Promise<OfferView> {
    const externalId = randomUUID();
    const result = normalizeOffer({ source, externalId, fields }, await this.lookups());
    if (!result.ok) {
      throw new DomainError('invalid', 'offer.invalid', `${result.rejection.field}: ${result.rejection.reason}`, [
        result.rejection,
      ]);
    }
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
    return toOfferView(await this.offers.findOneByOrFail({ source, externalId }));
  }
}
