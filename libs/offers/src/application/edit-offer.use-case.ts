import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@passerelle/core';
import type { OfferLookups } from '../domain/lookups.js';
import type { OfferInput } from '../domain/normalize-offer.js';
import { OfferReader, type StoredOffer } from './ports/offer-reader.js';
import { OfferStore } from './ports/offer-store.js';
import { OFFER_LOOKUPS } from './offer-lookups.token.js';
import { storedOffer, toOfferView, type OfferView } from './offer-view.js';
import { checkedOffer, type PostedBy } from './post-offer.use-case.js';
import { offersError } from '../domain/offers-errors.js';

/**
 * The offer staff may change: one posted by hand or captured by mediation (an ingested offer
 * changes at its source), in the author's structure. Anyone else learns nothing of it (404).
 */
export async function staffOffer(
  offers: OfferReader,
  actor: PostedBy,
  id: string,
  purpose: 'edit' | 'close',
): Promise<StoredOffer> {
  const offer = await offers.byId(id);
  if (!offer) throw offersError('offer.not_found', 'no such offer');
  if (offer.postedBy !== null && offer.structureId !== null && offer.structureId !== actor.structureId)
    throw offersError('offer.not_found', 'no such offer');
  if (purpose === 'edit' && offer.postedBy === null)
    throw offersError('offer.not_editable', 'an offer from a source is edited at its source', [
      { field: 'id', reason: `comes from the source ${offer.source}` },
    ]);
  return offer;
}

/**
 * Staff rewrite an offer they posted: the whole offer again (the form shows what is stored), the
 * same checks as a posting; the publication date stays, the index follows through the outbox.
 */
@Injectable()
export class EditOffer {
  constructor(
    private readonly store: OfferStore,
    private readonly offers: OfferReader,
    @Inject(OFFER_LOOKUPS) private readonly lookups: () => Promise<OfferLookups>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: PostedBy, id: string, fields: OfferInput['fields']): Promise<OfferView> {
    const current = await staffOffer(this.offers, actor, id, 'edit');
    if (current.status !== 'open')
      throw offersError('offer.closed', 'a closed offer is not edited', [
        { field: 'id', reason: 'the offer is closed' },
      ]);
    const result = await checkedOffer(
      current.source,
      current.externalId,
      { ...fields, publishedAt: (current.publishedAt ?? current.firstSeenAt).toISOString() },
      this.clock.now(),
      this.lookups,
    );
    const outcome = await this.store.applyBatch(current.source, null, [
      { offer: result.offer, contentHash: result.contentHash, payloadHash: null },
    ]);
    await this.store.linkDuplicates(outcome.changedIds);
    return toOfferView(await storedOffer(this.offers.byId(id)));
  }
}
