import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { MediationModule } from '@passerelle/mediation';
import { OffersModule } from '@passerelle/offers';
import { EraseOutcomesData } from './application/erase-outcomes-data.handler.js';
import { FollowUps } from './application/follow-ups.use-case.js';
import { ComputeIndicators } from './application/indicators.use-case.js';
import { ManagePlacements } from './application/placements.use-case.js';
import { ExportPerson } from './application/person-export.use-case.js';
import { FollowUpJobs } from './infrastructure/follow-up-jobs.js';
import { FollowUpStore } from './infrastructure/follow-up-store.js';
import { IndicatorStore } from './infrastructure/indicator-store.js';
import { OutcomesErasureStore } from './infrastructure/outcomes-erasure-store.js';
import { PersonExportStore } from './infrastructure/person-export-store.js';
import { PlacementStore } from './infrastructure/placement-store.js';
import { FollowUpScheduler } from './infrastructure/follow-up-scheduler.js';

/** Placements, follow-up checkpoints and the programme indicators. */
@Module({
  imports: [IdentityModule, CoachingModule, MediationModule, OffersModule],
  providers: [
    ManagePlacements,
    FollowUps,
    ComputeIndicators,
    FollowUpScheduler,
    FollowUpJobs,
    FollowUpStore,
    IndicatorStore,
    PlacementStore,
    OutcomesErasureStore,
    PersonExportStore,
    EraseOutcomesData,
    ExportPerson,
  ],
  exports: [ManagePlacements, FollowUps, ComputeIndicators, FollowUpScheduler, FollowUpJobs, ExportPerson],
})
export class OutcomesModule {}
