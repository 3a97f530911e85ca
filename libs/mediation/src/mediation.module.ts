import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { OffersModule } from '@passerelle/offers';
import { ReferentialModule } from '@passerelle/referential';
import { OfferCandidates } from './application/candidates.use-case.js';
import { CapturedOffers } from './application/captured-offers.use-case.js';
import { EmployerCardLinks } from './application/card-links.use-case.js';
import { ManageEmployers } from './application/employers.use-case.js';
import { ManageIntroductions } from './application/introductions.use-case.js';
import { EraseMediationData } from './application/erase-mediation-data.handler.js';
import { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';

/** IOD mediation: employers, job analyses, introductions and candidate cards sent by link. */
@Module({
  imports: [IdentityModule, ReferentialModule, OffersModule, CoachingModule],
  providers: [
    ManageEmployers,
    ManageIntroductions,
    EmployerCardLinks,
    OfferCandidates,
    CapturedOffers,
    EraseMediationData,
    ForgetViewerAddresses,
  ],
  exports: [
    ManageEmployers,
    ManageIntroductions,
    EmployerCardLinks,
    OfferCandidates,
    CapturedOffers,
    ForgetViewerAddresses,
  ],
})
export class MediationModule {}
