import { Module } from '@nestjs/common';
import { OffersModule } from '@passerelle/offers';
import { ReferentialModule } from '@passerelle/referential';
import { MatchOffers } from './application/match-offers.use-case.js';
import { ReconcileOffersIndex } from './application/reconcile-offers-index.use-case.js';
import { SearchOffers } from './application/search-offers.use-case.js';
import { ReindexOffers } from './application/reindex-offers.use-case.js';
import { SyncOffersIndex } from './application/sync-offers-index.use-case.js';
import { IndexingJobs } from './infrastructure/indexing-jobs.js';
import { OfferDocuments } from './infrastructure/offer-documents.js';
import { OfferOutboxStore } from './infrastructure/offer-outbox.js';
import { SkillModel } from './infrastructure/skill-model.js';

/** The offers index in Meilisearch, kept in step with Postgres. (Matched search comes next.) */
@Module({
  imports: [ReferentialModule, OffersModule],
  providers: [
    MatchOffers,
    SearchOffers,
    SkillModel,
    OfferDocuments,
    ReconcileOffersIndex,
    ReindexOffers,
    SyncOffersIndex,
    IndexingJobs,
    OfferOutboxStore,
  ],
  exports: [MatchOffers, SearchOffers, ReconcileOffersIndex, ReindexOffers, SyncOffersIndex, SkillModel, IndexingJobs],
})
export class MatchingModule {}
