import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OffersModule } from '@passerelle/offers';
import { ConfiguredSources } from './application/configured-sources.js';
import { ExtractOffer } from './application/extract-offer.use-case.js';
import { ManageSources } from './application/manage-sources.use-case.js';
import { IngestionJobs } from './application/ports/ingestion-jobs.js';
import { OfferPageParsers } from './application/ports/offer-page-parsers.js';
import { PageFetcher } from './application/ports/page-fetcher.js';
import { PayloadStore } from './application/ports/payload-store.js';
import { RejectionStore } from './application/ports/rejection-store.js';
import { RunStore } from './application/ports/run-store.js';
import { SourceFeeds } from './application/ports/source-feeds.js';
import { SourceRunLock } from './application/ports/source-run-lock.js';
import { SourceStore } from './application/ports/source-store.js';
import { ReadRuns } from './application/read-runs.use-case.js';
import { RunIngestion } from './application/run-ingestion.use-case.js';
import { TrustedFetchHosts } from './application/trusted-fetch-hosts.js';
import { TrySource } from './application/try-source.use-case.js';
import { BullIngestionJobs } from './infrastructure/ingestion-jobs.js';
import { IngestionRejectionEntity, IngestionRunEntity } from './infrastructure/ingestion-run.entity.js';
import { IngestionSourceEntity } from './infrastructure/ingestion-source.entity.js';
import { PolitePageFetcher } from './infrastructure/page-fetcher.js';
import { CheerioOfferPageParsers } from './infrastructure/parsers/offer-page-parsers.js';
import { SqlPayloadStore } from './infrastructure/payload-store.js';
import { SqlRejectionStore } from './infrastructure/rejection-store.js';
import { SqlRunStore } from './infrastructure/run-store.js';
import { HttpSourceFeeds } from './infrastructure/source-feeds.js';
import { PgSourceRunLock } from './infrastructure/source-run-lock.js';
import { SqlSourceStore } from './infrastructure/source-store.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([IngestionSourceEntity, IngestionRunEntity, IngestionRejectionEntity]),
    OffersModule,
  ],
  providers: [
    ConfiguredSources,
    ExtractOffer,
    ManageSources,
    ReadRuns,
    RunIngestion,
    TrustedFetchHosts,
    TrySource,
    { provide: IngestionJobs, useClass: BullIngestionJobs },
    { provide: OfferPageParsers, useClass: CheerioOfferPageParsers },
    { provide: PageFetcher, useClass: PolitePageFetcher },
    { provide: PayloadStore, useClass: SqlPayloadStore },
    { provide: RejectionStore, useClass: SqlRejectionStore },
    { provide: RunStore, useClass: SqlRunStore },
    { provide: SourceFeeds, useClass: HttpSourceFeeds },
    { provide: SourceRunLock, useClass: PgSourceRunLock },
    { provide: SourceStore, useClass: SqlSourceStore },
  ],
  exports: [
    ExtractOffer,
    IngestionJobs,
    ManageSources,
    ReadRuns,
    RunIngestion,
    TrustedFetchHosts,
    TrySource,
    OffersModule,
  ],
})
export class IngestionModule {}
