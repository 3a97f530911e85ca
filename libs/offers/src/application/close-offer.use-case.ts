import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { StaffClosedReason } from '../domain/offer.js';
import { OfferEntity } from '../infrastructure/offer.entity.js';
import { OfferStore } from '../infrastructure/offer-store.js';
import { staffOffer } from './edit-offer.use-case.js';
import { toOfferView, type OfferView } from './offer-view.js';
import type { PostedBy } from './post-offer.use-case.js';

/**
 * Staff close an offer by hand or mark it filled: it leaves the search index (outbox) and a later
 * run of its source does not reopen it. Any offer a staff member may read, or one of their postings.
 */
@Injectable()
export class CloseOffer {
  constructor(
    private readonly store: OfferStore,
    @InjectRepository(OfferEntity) private readonly offers: Repository<OfferEntity>,
  ) {}

  async execute(actor: PostedBy, id: string, reason: StaffClosedReason): Promise<OfferView> {
    await staffOffer(this.offers, actor, id, 'close');
    await this.store.close([id], reason);
    return toOfferView(await this.offers.findOneByOrFail({ id }));
  }
}
