import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { IngestionModule } from '@passerelle/ingestion';
import { MediationModule } from '@passerelle/mediation';
import { MatchingModule } from '@passerelle/matching';
import { OutcomesModule } from '@passerelle/outcomes';
import { CheckpointProcessor } from './outcomes/checkpoint.processor.js';
import { EmployerReminderProcessor } from './mediation/employer-reminder.processor.js';
import { PersonalDataProcessor } from './coaching/personal-data.processor.js';
import { IngestSourceProcessor } from './ingestion/ingest-source.processor.js';
import { SourceSchedules } from './ingestion/source-schedules.js';
import { IndexOffersProcessor } from './matching/index-offers.processor.js';
import { SystemProcessor } from './system/system.processor.js';

/** Every BullMQ processor. Imported by the worker process and by the all-in-one start. */
@Module({
  imports: [IdentityModule, IngestionModule, MatchingModule, CoachingModule, MediationModule, OutcomesModule],
  providers: [
    SystemProcessor,
    IngestSourceProcessor,
    IndexOffersProcessor,
    SourceSchedules,
    PersonalDataProcessor,
    EmployerReminderProcessor,
    CheckpointProcessor,
  ],
})
export class WorkerProcessorsModule {}
