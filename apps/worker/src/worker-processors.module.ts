import { Module } from '@nestjs/common';
import { IngestionModule } from '@passerelle/ingestion';
import { MatchingModule } from '@passerelle/matching';
import { IngestSourceProcessor } from './ingestion/ingest-source.processor.js';
import { SourceSchedules } from './ingestion/source-schedules.js';
import { IndexOffersProcessor } from './matching/index-offers.processor.js';
import { SystemProcessor } from './system/system.processor.js';

/** Every BullMQ processor. Imported by the worker process and by the all-in-one start. */
@Module({
  imports: [IngestionModule, MatchingModule],
  providers: [SystemProcessor, IngestSourceProcessor, IndexOffersProcessor, SourceSchedules],
})
export class WorkerProcessorsModule {}
