import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferentialIndex, ReferentialModule } from '@passerelle/referential';
import { OFFER_LOOKUPS } from './application/offer-lookups.token.js';
import { CloseOffer } from './application/close-offer.use-case.js';
import { EditOffer } from './application/edit-offer.use-case.js';
import { PostOffer } from './application/post-offer.use-case.js';
import { ReadOffers } from './application/read-offers.use-case.js';
import type { OfferLookups } from './domain/lookups.js';
import { OfferEntity } from './infrastructure/offer.entity.js';
import { OccupationLearning } from './application/occupation-learning.js';
import { CodedOfferSource } from './application/ports/coded-offer-source.js';
import { SqlCodedOfferSource } from './infrastructure/coded-offer-source.js';
import { OfferOutbox } from './infrastructure/offer-outbox.js';
import { OfferReader } from './application/ports/offer-reader.js';
import { OfferStore } from './application/ports/offer-store.js';
import { SqlOfferReader } from './infrastructure/offer-reader.js';
import { SqlOfferStore } from './infrastructure/offer-store.js';

@Module({
  imports: [TypeOrmModule.forFeature([OfferEntity]), ReferentialModule],
  providers: [
    { provide: OfferReader, useClass: SqlOfferReader },
    { provide: OfferStore, useClass: SqlOfferStore },
    { provide: CodedOfferSource, useClass: SqlCodedOfferSource },
    OccupationLearning,
    OfferOutbox,
    PostOffer,
    EditOffer,
    CloseOffer,
    ReadOffers,
    {
      provide: OFFER_LOOKUPS,
      inject: [ReferentialIndex, OccupationLearning],
      // The referential, and the reader learned from the stored coded offers (built on first use).
      useFactory: (index: ReferentialIndex, learning: OccupationLearning) => async (): Promise<OfferLookups> => {
        await index.load();
        await learning.ensureBuilt();
        return index;
      },
    },
  ],
  exports: [OccupationLearning, OfferStore, OfferOutbox, PostOffer, EditOffer, CloseOffer, ReadOffers, OFFER_LOOKUPS],
})
export class OffersModule {}
