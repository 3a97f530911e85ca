import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { MediationModule } from '@passerelle/mediation';
import { OutcomesModule } from '@passerelle/outcomes';
import { IngestionModule } from '@passerelle/ingestion';
import { MatchingModule } from '@passerelle/matching';
import { ReferentialModule } from '@passerelle/referential';
import { AccessGuard } from './auth/access.guard.js';
import { AccessRecheckInterceptor } from './auth/access-recheck.interceptor.js';
import { AuthRateLimitGuard, RateLimiter } from './auth/rate-limit.guard.js';
import { PersonSpaceController, SpaceLinksController } from './person-space/person-space.controller.js';
import { ApiExceptionFilter } from './errors/api-exception.filter.js';
import { AppointmentsController, BookingsController, CalendarController } from './coaching/appointments.controller.js';
import { BeneficiariesController } from './coaching/beneficiaries.controller.js';
import { CoachLoadsController } from './coaching/coach-loads.controller.js';
import { FileSharesController } from './coaching/file-shares.controller.js';
import { ContactRhythmsController } from './coaching/contact-rhythms.controller.js';
import { EntrantsImportsController } from './coaching/entrants-imports.controller.js';
import { ObjectivesController } from './coaching/objectives.controller.js';
import { NotificationsController } from './coaching/notifications.controller.js';
import { PhotoController } from './coaching/photo.controller.js';
import {
  CandidateRequestsController,
  MediationReportsController,
  OfferCandidatesController,
} from './mediation/candidates.controller.js';
import { CardPagesController, EmployersController, IntroductionsController } from './mediation/mediation.controller.js';
import {
  RefusalReasonsController,
  ShortlistPagesController,
  ShortlistsController,
} from './mediation/shortlists.controller.js';
import { EmployerNeedsController, NeedPagesController } from './mediation/employer-needs.controller.js';
import { HealthController } from './health/health.controller.js';
import { AuditController } from './identity/audit.controller.js';
import { AuthController } from './identity/auth.controller.js';
import { SettingsController } from './identity/settings.controller.js';
import { StructuresController } from './identity/structures.controller.js';
import { UsersController } from './identity/users.controller.js';
import { OffersController } from './offers/offers.controller.js';
import { FollowUpsController, IndicatorsController, PlacementsController } from './outcomes/outcomes.controller.js';
import {
  EmployerFollowUpLinksController,
  EmployerFollowUpPagesController,
} from './outcomes/employer-follow-ups.controller.js';
import { SourcesController } from './offers/sources.controller.js';
import { MatchingController } from './matching/matching.controller.js';
import { ReferentialController } from './referential/referential.controller.js';

/** The HTTP surface: controllers, the access guard and the error filter. Composition roots add CoreModule. */
@Module({
  imports: [
    DiscoveryModule,
    IdentityModule,
    IngestionModule,
    ReferentialModule,
    MatchingModule,
    CoachingModule,
    MediationModule,
    OutcomesModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    SettingsController,
    StructuresController,
    AuditController,
    OffersController,
    SourcesController,
    ReferentialController,
    MatchingController,
    BeneficiariesController,
    AppointmentsController,
    BookingsController,
    CalendarController,
    CoachLoadsController,
    FileSharesController,
    ContactRhythmsController,
    EntrantsImportsController,
    ObjectivesController,
    NotificationsController,
    // Before EmployersController: its GET /employers/:id would shadow /employers/needs and /employers/need-links.
    EmployerNeedsController,
    EmployersController,
    IntroductionsController,
    CardPagesController,
    ShortlistsController,
    ShortlistPagesController,
    NeedPagesController,
    SpaceLinksController,
    PersonSpaceController,
    PhotoController,
    OfferCandidatesController,
    CandidateRequestsController,
    MediationReportsController,
    PlacementsController,
    FollowUpsController,
    EmployerFollowUpLinksController,
    EmployerFollowUpPagesController,
    IndicatorsController,
    RefusalReasonsController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessRecheckInterceptor },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    RateLimiter,
    AuthRateLimitGuard,
  ],
})
export class ApiHttpModule {}
