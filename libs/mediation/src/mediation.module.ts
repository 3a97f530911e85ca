import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { OffersModule } from '@passerelle/offers';
import { ReferentialModule } from '@passerelle/referential';
import { OfferCandidates } from './application/candidates.use-case.js';
import { CapturedOffers } from './application/captured-offers.use-case.js';
import { CardContext } from './application/card-context.js';
import { EmployerCardLinks } from './application/card-links.use-case.js';
import { CardSources } from './application/card-sources.js';
import { EditCard } from './application/edit-card.use-case.js';
import { ManageEmployers } from './application/employers.use-case.js';
import { EraseMediationData } from './application/erase-mediation-data.handler.js';
import { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';
import { IntroductionAccess } from './application/introduction-access.js';
import { ListIntroductions } from './application/list-introductions.use-case.js';
import { MoveIntroduction } from './application/move-introduction.use-case.js';
import { ProposeIntroduction } from './application/propose-introduction.use-case.js';
import { ReadCardChoices } from './application/read-card-choices.use-case.js';
import { ReadIntroduction } from './application/read-introduction.use-case.js';
import { RemindUnansweredEmployer } from './application/remind-unanswered-employer.use-case.js';
import { RevokeCardLinks } from './application/revoke-card-links.use-case.js';
import { SendCardLink } from './application/send-card-link.use-case.js';
import { CandidateRequestStore } from './infrastructure/candidate-request-store.js';
import { CapturedOfferStore } from './infrastructure/captured-offer-store.js';
import { CardLinkStore } from './infrastructure/card-link-store.js';
import { EmployerStore } from './infrastructure/employer-store.js';
import { IntroductionStore } from './infrastructure/introduction-store.js';
import { MediationErasureStore } from './infrastructure/mediation-erasure-store.js';
import { MediationJobs } from './infrastructure/mediation-jobs.js';

const USE_CASES = [
  ManageEmployers,
  ProposeIntroduction,
  ListIntroductions,
  ReadIntroduction,
  MoveIntroduction,
  EditCard,
  ReadCardChoices,
  SendCardLink,
  RevokeCardLinks,
  RemindUnansweredEmployer,
  EmployerCardLinks,
  OfferCandidates,
  CapturedOffers,
  ForgetViewerAddresses,
];

/** IOD mediation: employers, job analyses, introductions and candidate cards sent by link. */
@Module({
  imports: [IdentityModule, ReferentialModule, OffersModule, CoachingModule],
  providers: [
    IntroductionStore,
    CardLinkStore,
    EmployerStore,
    CandidateRequestStore,
    CapturedOfferStore,
    MediationErasureStore,
    MediationJobs,
    IntroductionAccess,
    CardSources,
    CardContext,
    EraseMediationData,
    ...USE_CASES,
  ],
  exports: USE_CASES,
})
export class MediationModule {}
