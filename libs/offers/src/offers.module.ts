import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferentialIndex, ReferentialModule } from '@passerelle/referential';
import { OFFER_LOOKUPS } from './application/offer-lookups.token.js';
import { PostOffer } from './application/post-offer.use-case.js';
import { ReadOffers } from './application/read-offers.use-case.js';
import type { OfferLookups } from './domain/lookups.js';
import { OfferEntity } from './infrastructure/offer.entity.js';
import { OfferStore } from './infrastructure/offer-store.js';

function bind(index: ReferentialIndex): OfferLookups {
  return {
    resolveCommune: (query) => index.resolveCommune(query),
    resolveArea: (text) => index.resolveArea(text),
    resolveAbroad: (text) => index.resolveAbroad(text),
    occupation: (code) => index.occupation(code),
    inferOccupation: (text) => index.inferOccupation(text),
  };
}

@Module({
  imports: [TypeOrmModule.forFeature([OfferEntity]), ReferentialModule],
  providers: [
    OfferStore,
    PostOffer,
    ReadOffers,
    {
      provide: OFFER_LOOKUPS,
      inject: [ReferentialIndex],
      useFactory: (index: ReferentialIndex) => async (): Promise<OfferLookups> => {
        await index.load();
        // Without the communes every `59 - Caudry` would fall back to its département unnoticed: no
        // place is read at all, so the run's rejections say the reference data is missing.
        if (index.loadStats?.communes === 0)
          return { ...bind(index), resolveArea: () => null, resolveAbroad: () => null };
        return index;
      },
    },
  ],
  exports: [OfferStore, PostOffer, ReadOffers, OFFER_LOOKUPS],
})
export class OffersModule {}
