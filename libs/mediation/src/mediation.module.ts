import { Module } from '@nestjs/common';
import { CoachingModule } from '@passerelle/coaching';
import { IdentityModule } from '@passerelle/identity';
import { OffersModule } from '@passerelle/offers';
import { ReferentialModule } from '@passerelle/referential';
import { AddEmployerContact } from './application/add-employer-contact.use-case.js';
import { AnalyseJob } from './application/analyse-job.use-case.js';
import { AnswerCardLink } from './application/answer-card-link.use-case.js';
import { CandidateRequests } from './application/candidate-requests.js';
import { CapturedOffers } from './application/captured-offers.use-case.js';
import { CardContext } from './application/card-context.js';
import { CardLinkStates } from './application/card-link-state.js';
import { CardSources } from './application/card-sources.js';
import { CompleteDueAction } from './application/complete-due-action.use-case.js';
import { CreateEmployer } from './application/create-employer.use-case.js';
import { DecideCandidateRequest } from './application/decide-candidate-request.use-case.js';
import { EditCard } from './application/edit-card.use-case.js';
import { EmployerAccess } from './application/employer-access.js';
import { EraseMediationData } from './application/erase-mediation-data.handler.js';
import { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';
import { IntroductionAccess } from './application/introduction-access.js';
import { ListCandidateRequests } from './application/list-candidate-requests.use-case.js';
import { ListDueActions } from './application/list-due-actions.use-case.js';
import { ListEmployers } from './application/list-employers.use-case.js';
import { ListIntroductions } from './application/list-introductions.use-case.js';
import { ListOfferCandidates } from './application/list-offer-candidates.use-case.js';
import { LogEmployerInteraction } from './application/log-employer-interaction.use-case.js';
import { MoveIntroduction } from './application/move-introduction.use-case.js';
import { OpenCardLink } from './application/open-card-link.use-case.js';
import { CandidateRequestStore } from './application/ports/candidate-request-store.js';
import { CapturedOfferStore } from './application/ports/captured-offer-store.js';
import { CardLinkJobs } from './application/ports/card-link-jobs.js';
import { CardLinkStore } from './application/ports/card-link-store.js';
import { CardValidationStore } from './application/ports/card-validation-store.js';
import { EmployerStore } from './application/ports/employer-store.js';
import { IntroductionStore } from './application/ports/introduction-store.js';
import { MediationErasureStore } from './application/ports/mediation-erasure-store.js';
import { PeopleAccessLog } from './application/ports/people-access-log.js';
import { PmsmpConventionStore } from './application/ports/pmsmp-convention-store.js';
import { PmsmpConventionViews } from './application/pmsmp-convention-view.js';
import { PrintPmsmpConvention } from './application/print-pmsmp-convention.use-case.js';
import { ReadPmsmpConvention } from './application/read-pmsmp-convention.use-case.js';
import { SavePmsmpConvention } from './application/save-pmsmp-convention.use-case.js';
import { SignPmsmpConvention } from './application/sign-pmsmp-convention.use-case.js';
import { DecideOnCard, ReadPersonCards } from './application/person-cards.use-case.js';
import { ProposeIntroduction } from './application/propose-introduction.use-case.js';
import { ReadCardChoices } from './application/read-card-choices.use-case.js';
import { ReadCardPhoto } from './application/read-card-photo.use-case.js';
import { ReadEmployer } from './application/read-employer.use-case.js';
import { ReadIntroduction } from './application/read-introduction.use-case.js';
import { RemindUnansweredEmployer } from './application/remind-unanswered-employer.use-case.js';
import { RemindUnansweredShortlists } from './application/remind-unanswered-shortlists.use-case.js';
import { LinkSealer } from './application/link-sealer.js';
import { RequestCandidate } from './application/request-candidate.use-case.js';
import { RevokeCardLinks } from './application/revoke-card-links.use-case.js';
import { SendCardLink } from './application/send-card-link.use-case.js';
import { CreateNeedLink } from './application/create-need-link.use-case.js';
import { JobAnalysisOffers } from './application/job-analysis-offers.js';
import { ListEmployerNeeds } from './application/list-employer-needs.use-case.js';
import { ListNeedLinks } from './application/list-need-links.use-case.js';
import { NeedLinkStates } from './application/need-link-state.js';
import { OpenNeedLink } from './application/open-need-link.use-case.js';
import { EmployerNeedStore } from './application/ports/employer-need-store.js';
import { PostEmployerNeed } from './application/post-employer-need.use-case.js';
import { QualifyJobAnalysis } from './application/qualify-job-analysis.use-case.js';
import { RevokeNeedLink } from './application/revoke-need-link.use-case.js';
import { SqlEmployerNeedStore } from './infrastructure/employer-need-store.js';
import { SqlCandidateRequestStore } from './infrastructure/candidate-request-store.js';
import { SqlCapturedOfferStore } from './infrastructure/captured-offer-store.js';
import { SqlCardLinkStore } from './infrastructure/card-link-store.js';
import { SqlCardValidationStore } from './infrastructure/card-validation-store.js';
import { SqlEmployerStore } from './infrastructure/employer-store.js';
import { SqlIntroductionStore } from './infrastructure/introduction-store.js';
import { SqlPmsmpConventionStore } from './infrastructure/pmsmp-convention-store.js';
import { SqlMediationErasureStore } from './infrastructure/mediation-erasure-store.js';
import { BullCardLinkJobs } from './infrastructure/mediation-jobs.js';
import { SqlPeopleAccessLog } from './infrastructure/record-people-access.js';

import { AnswerShortlist } from './application/answer-shortlist.use-case.js';
import { CountRefusalReasons } from './application/count-refusal-reasons.use-case.js';
import { ListShortlists } from './application/list-shortlists.use-case.js';
import { OpenShortlist } from './application/open-shortlist.use-case.js';
import { ShortlistStore } from './application/ports/shortlist-store.js';
import { PersonEmployerAnswersStore } from './application/ports/person-employer-answers-store.js';
import { ExportEmployerAnswers } from './application/export-employer-answers.use-case.js';
import { ReadShortlist } from './application/read-shortlist.use-case.js';
import { ReplyToShortlist } from './application/reply-to-shortlist.use-case.js';
import { RevokeShortlist } from './application/revoke-shortlist.use-case.js';
import { SendShortlist } from './application/send-shortlist.use-case.js';
import { ShortlistAccess } from './application/shortlist-access.js';
import { ShortlistPageStates } from './application/shortlist-page-state.js';
import { SqlShortlistStore } from './infrastructure/shortlist-store.js';
import { SqlPersonEmployerAnswersStore } from './infrastructure/person-employer-answers-store.js';

const USE_CASES = [
  ExportEmployerAnswers,
  CreateEmployer,
  ListEmployers,
  ReadEmployer,
  AddEmployerContact,
  LogEmployerInteraction,
  ListDueActions,
  CompleteDueAction,
  AnalyseJob,
  ProposeIntroduction,
  ListIntroductions,
  ReadIntroduction,
  MoveIntroduction,
  EditCard,
  ReadCardChoices,
  SendCardLink,
  RevokeCardLinks,
  RemindUnansweredEmployer,
  RemindUnansweredShortlists,
  OpenCardLink,
  ReadCardPhoto,
  AnswerCardLink,
  ListOfferCandidates,
  RequestCandidate,
  DecideCandidateRequest,
  ListCandidateRequests,
  CapturedOffers,
  ForgetViewerAddresses,
  SendShortlist,
  ListShortlists,
  ReadShortlist,
  ReplyToShortlist,
  RevokeShortlist,
  OpenShortlist,
  AnswerShortlist,
  CountRefusalReasons,
  ReadPmsmpConvention,
  SavePmsmpConvention,
  SignPmsmpConvention,
  PrintPmsmpConvention,
  CreateNeedLink,
  RevokeNeedLink,
  ListNeedLinks,
  OpenNeedLink,
  PostEmployerNeed,
  ListEmployerNeeds,
  QualifyJobAnalysis,
  ReadPersonCards,
  DecideOnCard,
];

/** IOD mediation: employers, job analyses, introductions and candidate cards sent by link. */
@Module({
  imports: [IdentityModule, ReferentialModule, OffersModule, CoachingModule],
  providers: [
    { provide: IntroductionStore, useClass: SqlIntroductionStore },
    { provide: CardLinkStore, useClass: SqlCardLinkStore },
    { provide: CardValidationStore, useClass: SqlCardValidationStore },
    { provide: EmployerStore, useClass: SqlEmployerStore },
    { provide: EmployerNeedStore, useClass: SqlEmployerNeedStore },
    { provide: CandidateRequestStore, useClass: SqlCandidateRequestStore },
    { provide: CapturedOfferStore, useClass: SqlCapturedOfferStore },
    { provide: MediationErasureStore, useClass: SqlMediationErasureStore },
    { provide: CardLinkJobs, useClass: BullCardLinkJobs },
    { provide: PeopleAccessLog, useClass: SqlPeopleAccessLog },
    { provide: ShortlistStore, useClass: SqlShortlistStore },
    { provide: PersonEmployerAnswersStore, useClass: SqlPersonEmployerAnswersStore },
    ShortlistAccess,
    ShortlistPageStates,
    LinkSealer,
    { provide: PmsmpConventionStore, useClass: SqlPmsmpConventionStore },
    PmsmpConventionViews,
    IntroductionAccess,
    EmployerAccess,
    CandidateRequests,
    CardLinkStates,
    NeedLinkStates,
    JobAnalysisOffers,
    CardSources,
    CardContext,
    EraseMediationData,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, CardLinkJobs],
})
export class MediationModule {}
