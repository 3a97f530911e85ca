import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { MediationModule } from '@passerelle/mediation';
import { OffersModule } from '@passerelle/offers';
import { AnswerFollowUp } from './application/answer-follow-up.use-case.js';
import {
  ListEmployerFollowUpLinks,
  RevokeEmployerFollowUpLink,
  SendEmployerFollowUpForm,
} from './application/employer-follow-up-links.use-case.js';
import {
  AnswerEmployerFollowUp,
  EmployerFollowUpStates,
  OpenEmployerFollowUp,
} from './application/employer-follow-up-page.use-case.js';
import { EndPlacement } from './application/end-placement.use-case.js';
import { EraseOutcomesData } from './application/erase-outcomes-data.handler.js';
import { ComputeIndicators } from './application/indicators.use-case.js';
import { ListFollowUps } from './application/list-follow-ups.use-case.js';
import { ListPlacements } from './application/list-placements.use-case.js';
import { MarkFollowUpDue } from './application/mark-follow-up-due.use-case.js';
import { ExportPerson } from './application/person-export.use-case.js';
import { EmployerFollowUpLinkStore } from './application/ports/employer-follow-up-link-store.js';
import { FollowUpScheduler } from './application/ports/follow-up-scheduler.js';
import { FollowUpStore } from './application/ports/follow-up-store.js';
import { IndicatorStore } from './application/ports/indicator-store.js';
import { OutcomesErasureStore } from './application/ports/outcomes-erasure-store.js';
import { PersonExportStore } from './application/ports/person-export-store.js';
import { PlacementStore } from './application/ports/placement-store.js';
import { RecordPlacement } from './application/record-placement.use-case.js';
import { SqlEmployerFollowUpLinkStore } from './infrastructure/employer-follow-up-link-store.js';
import { FollowUpJobs } from './infrastructure/follow-up-jobs.js';
import { SqlFollowUpScheduler } from './infrastructure/follow-up-scheduler.js';
import { SqlFollowUpStore } from './infrastructure/follow-up-store.js';
import { SqlIndicatorStore } from './infrastructure/indicator-store.js';
import { SqlOutcomesErasureStore } from './infrastructure/outcomes-erasure-store.js';
import { SqlPersonExportStore } from './infrastructure/person-export-store.js';
import { SqlPlacementStore } from './infrastructure/placement-store.js';

const USE_CASES = [
  RecordPlacement,
  EndPlacement,
  ListPlacements,
  ListFollowUps,
  AnswerFollowUp,
  MarkFollowUpDue,
  ComputeIndicators,
  ExportPerson,
  SendEmployerFollowUpForm,
  ListEmployerFollowUpLinks,
  RevokeEmployerFollowUpLink,
  OpenEmployerFollowUp,
  AnswerEmployerFollowUp,
];

/** Placements, follow-up checkpoints and the programme indicators. */
@Module({
  imports: [IdentityModule, CoachingModule, MediationModule, OffersModule],
  providers: [
    ...USE_CASES,
    EmployerFollowUpStates,
    { provide: EmployerFollowUpLinkStore, useClass: SqlEmployerFollowUpLinkStore },
    { provide: FollowUpScheduler, useClass: SqlFollowUpScheduler },
    { provide: FollowUpStore, useClass: SqlFollowUpStore },
    { provide: IndicatorStore, useClass: SqlIndicatorStore },
    { provide: PlacementStore, useClass: SqlPlacementStore },
    { provide: OutcomesErasureStore, useClass: SqlOutcomesErasureStore },
    { provide: PersonExportStore, useClass: SqlPersonExportStore },
    FollowUpJobs,
    EraseOutcomesData,
  ],
  exports: [...USE_CASES, FollowUpScheduler, FollowUpJobs],
})
export class OutcomesModule {}
