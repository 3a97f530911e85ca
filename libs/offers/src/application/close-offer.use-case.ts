import { Injectable } from '@nestjs/common';
import type { StaffClosedReason } from '../domain/offer.js';
import { OfferReader } from './ports/offer-reader.js';
import { OfferStore } from './ports/offer-store.js';
import { staffOffer } from './edit-offer.use-case.js';
import { storedOffer, toOfferView, type OfferView } from './offer-view.js';
import type { PostedBy } from './post-offer.use-case.js';

/**
 * Staff close an offer by hand or mark it filled: it leaves the search index (outbox) and a later
 * run of its source does not reopen it. Any offer a staff member may read, or one of their postings.
 */
@Injectable()
export class CloseOffer {
  constructor(
    private readonly store: OfferStore,
    private readonly offers: OfferReader,
  ) {}

  async execute(actor: PostedBy, id: string, reason: StaffClosedReason): Promise<OfferView> {
    await staffOffer(this.offers, actor, id, 'close');
    await this.store.close([id], reason);
    return toOfferView(await storedOffer(this.offers.byId(id)));
  }
}
