import { Module } from '@nestjs/common';
import { OffersModule } from '@passerelle/offers';
import { ReferentialModule } from '@passerelle/referential';
import { MatchOffers } from './application/match-offers.use-case.js';
import { MatchScorer } from './application/match-scorer.js';
import { WindowHits } from './application/window-hits.js';
import { ScoreOfferForPeople } from './application/score-offer-for-people.use-case.js';
import { OfferIndexLock } from './application/ports/index-lock.js';
import { IndexingJobs } from './application/ports/indexing-jobs.js';
import { OfferDocuments } from './application/ports/offer-documents.js';
import { OfferIndex } from './application/ports/offer-index.js';
import { OfferOutboxStore } from './application/ports/offer-outbox.js';
import { ReconcileOffersIndex } from './application/reconcile-offers-index.use-case.js';
import { SearchOffers } from './application/search-offers.use-case.js';
import { ReindexOffers } from './application/reindex-offers.use-case.js';
import { SkillModel } from './application/skill-model.js';
import { SyncOffersIndex } from './application/sync-offers-index.use-case.js';
import { PgOfferIndexLock } from './infrastructure/index-lock.js';
import { BullIndexingJobs } from './infrastructure/indexing-jobs.js';
import { SqlOfferDocuments } from './infrastructure/offer-documents.js';
import { MeiliOfferIndex } from './infrastructure/offer-index.js';
import { SqlOfferOutboxStore } from './infrastructure/offer-outbox.js';

/** The offers index in Meilisearch, kept in step with Postgres. (Matched search comes next.) */
@Module({
  imports: [ReferentialModule, OffersModule],
  providers: [
    MatchScorer,
    WindowHits,
    MatchOffers,
    ScoreOfferForPeople,
    SearchOffers,
    SkillModel,
    ReconcileOffersIndex,
    ReindexOffers,
    SyncOffersIndex,
    { provide: OfferDocuments, useClass: SqlOfferDocuments },
    { provide: OfferIndex, useClass: MeiliOfferIndex },
    { provide: OfferIndexLock, useClass: PgOfferIndexLock },
    { provide: IndexingJobs, useClass: BullIndexingJobs },
    { provide: OfferOutboxStore, useClass: SqlOfferOutboxStore },
  ],
  exports: [
    MatchOffers,
    ScoreOfferForPeople,
    SearchOffers,
    ReconcileOffersIndex,
    ReindexOffers,
    SyncOffersIndex,
    SkillModel,
    IndexingJobs,
  ],
})
export class MatchingModule {}
