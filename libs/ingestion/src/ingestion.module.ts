import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OffersModule } from '@passerelle/offers';
import { ConfiguredSources } from './application/configured-sources.js';
import { ExtractOffer } from './application/extract-offer.use-case.js';
import { IngestionJobs } from './application/ingestion-jobs.js';
import { ManageSources } from './application/manage-sources.use-case.js';
import { ReadRuns } from './application/read-runs.use-case.js';
import { RunIngestion } from './application/run-ingestion.use-case.js';
import { TrustedFetchHosts } from './application/trusted-fetch-hosts.js';
import { TrySource } from './application/try-source.use-case.js';
import { IngestionRejectionEntity, IngestionRunEntity } from './infrastructure/ingestion-run.entity.js';
import { IngestionSourceEntity } from './infrastructure/ingestion-source.entity.js';
import { PayloadStore } from './infrastructure/payload-store.js';
import { RejectionStore } from './infrastructure/rejection-store.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([IngestionSourceEntity, IngestionRunEntity, IngestionRejectionEntity]),
    OffersModule,
  ],
  providers: [
    ConfiguredSources,
    ExtractOffer,
    IngestionJobs,
    ManageSources,
    PayloadStore,
    ReadRuns,
    RejectionStore,
    RunIngestion,
    TrustedFetchHosts,
    TrySource,
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
