export { ListOfferCandidates } from './application/list-offer-candidates.use-case.js';
export type { CandidateExplanation, OfferCandidate } from './application/list-offer-candidates.use-case.js';
export { RequestCandidate } from './application/request-candidate.use-case.js';
export { DecideCandidateRequest } from './application/decide-candidate-request.use-case.js';
export { ListCandidateRequests } from './application/list-candidate-requests.use-case.js';
export type { CandidateRequestView } from './application/candidate-requests.js';
export type { CandidateRequestStatus, OfferSummary } from './application/ports/candidate-request-store.js';
export { CapturedOffers } from './application/captured-offers.use-case.js';
export type {
  CapturedOfferDelay,
  CapturedOffersReport,
  FirstCandidateState,
} from './application/captured-offers.use-case.js';
export { OpenCardLink } from './application/open-card-link.use-case.js';
export { ReadCardPhoto } from './application/read-card-photo.use-case.js';
export { AnswerCardLink } from './application/answer-card-link.use-case.js';
export type { CardLinkState } from './application/card-link-state.js';
export { CreateEmployer } from './application/create-employer.use-case.js';
export type { NewEmployer } from './application/create-employer.use-case.js';
export { ListEmployers } from './application/list-employers.use-case.js';
export { ReadEmployer } from './application/read-employer.use-case.js';
export { AddEmployerContact } from './application/add-employer-contact.use-case.js';
export { LogEmployerInteraction } from './application/log-employer-interaction.use-case.js';
export { ListDueActions } from './application/list-due-actions.use-case.js';
export { CompleteDueAction } from './application/complete-due-action.use-case.js';
export { AnalyseJob } from './application/analyse-job.use-case.js';
export { CreateNeedLink } from './application/create-need-link.use-case.js';
export type { NeedLink } from './application/create-need-link.use-case.js';
export { RevokeNeedLink } from './application/revoke-need-link.use-case.js';
export { ListNeedLinks } from './application/list-need-links.use-case.js';
export { OpenNeedLink } from './application/open-need-link.use-case.js';
export type { NeedLinkState } from './application/need-link-state.js';
export { PostEmployerNeed } from './application/post-employer-need.use-case.js';
export type { PostedNeed } from './application/post-employer-need.use-case.js';
export { ListEmployerNeeds } from './application/list-employer-needs.use-case.js';
export type { NeedView } from './application/list-employer-needs.use-case.js';
export { QualifyJobAnalysis } from './application/qualify-job-analysis.use-case.js';
export type { NeedLinkView } from './application/ports/employer-need-store.js';
export { NEED_CONTRACTS, NEED_PROMISE_HOURS } from './domain/employer-need.js';
export type { NeedContract, NeedForm } from './domain/employer-need.js';
export { needGonePage, needPage, needReceivedPage } from './domain/need-page.js';
export type {
  DueAction,
  EmployerContact,
  EmployerDetail,
  EmployerInteraction,
  EmployerView,
  JobAnalysisSummary,
} from './application/ports/employer-store.js';
export { EMPLOYER_ANSWERS, EMPLOYER_SIZE_BANDS, INTERACTION_KINDS, MEDIATION_SOURCE } from './domain/employer.js';
export type { EmployerAnswer, EmployerSizeBand, InteractionKind } from './domain/employer.js';
export { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';
export { ProposeIntroduction } from './application/propose-introduction.use-case.js';
export type { IntroductionProposal, NamedEmployer } from './application/propose-introduction.use-case.js';
export { ListIntroductions } from './application/list-introductions.use-case.js';
export { ReadIntroduction } from './application/read-introduction.use-case.js';
export { MoveIntroduction } from './application/move-introduction.use-case.js';
export { EditCard } from './application/edit-card.use-case.js';
export { ReadCardChoices } from './application/read-card-choices.use-case.js';
export { DecideOnCard, ReadPersonCards } from './application/person-cards.use-case.js';
export type { PersonCard } from './application/person-cards.use-case.js';
export { assertCardMayBeShared } from './application/card-sharing.js';
export { CARD_DECISIONS, CARD_COMMENT_MAX, CARD_VALIDATION_STATES, cardVersion } from './domain/card-validation.js';
export type { CardDecision, CardValidationState } from './domain/card-validation.js';
export { SendCardLink } from './application/send-card-link.use-case.js';
export { RevokeCardLinks } from './application/revoke-card-links.use-case.js';
export { RemindUnansweredEmployer } from './application/remind-unanswered-employer.use-case.js';
export { CardLinkJobs } from './application/ports/card-link-jobs.js';
export { RemindUnansweredShortlists } from './application/remind-unanswered-shortlists.use-case.js';
export type { IntroductionSummary, IntroductionView } from './application/ports/introduction-store.js';
export { buildCard } from './domain/candidate-card.js';
export type { CandidateCard } from './domain/candidate-card.js';
export {
  cardBody,
  cardPage,
  escape as escapeHtml,
  gonePage,
  page as htmlPage,
  notFoundPage,
  tooManyRequestsPage,
} from './domain/card-page.js';
export {
  allowedNext,
  canMove,
  DECLINE_REASONS,
  EVENT_ACTOR_KINDS,
  INTRODUCTION_EVENT_KINDS,
  INTRODUCTION_STATUSES,
  transitionProblems,
} from './domain/introduction.js';
export type {
  DeclineReason,
  EventActorKind,
  IntroductionEventKind,
  IntroductionStatus,
} from './domain/introduction.js';
export { SendShortlist } from './application/send-shortlist.use-case.js';
export type { NewShortlistInput } from './application/send-shortlist.use-case.js';
export { ListShortlists } from './application/list-shortlists.use-case.js';
export { ReadShortlist } from './application/read-shortlist.use-case.js';
export { ReplyToShortlist } from './application/reply-to-shortlist.use-case.js';
export { RevokeShortlist } from './application/revoke-shortlist.use-case.js';
export { OpenShortlist } from './application/open-shortlist.use-case.js';
export { AnswerShortlist } from './application/answer-shortlist.use-case.js';
export { CountRefusalReasons } from './application/count-refusal-reasons.use-case.js';
export type { ShortlistPageState } from './application/shortlist-page-state.js';
export type {
  RefusalReasonCounts,
  ShortlistDetail,
  ShortlistEntry,
  ShortlistMessage,
  ShortlistReminder,
  ShortlistSummary,
} from './application/ports/shortlist-store.js';
export {
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  SHORTLIST_MAX_CARDS,
  SHORTLIST_MAX_SLOTS,
} from './domain/shortlist.js';
export type { OfferedSlot, RefusalReason } from './domain/shortlist.js';
export { shortlistPage } from './domain/shortlist-page.js';
export { MediationModule } from './mediation.module.js';
export { MEDIATION_ERRORS, mediationError } from './domain/mediation-errors.js';
export type { MediationErrorCode } from './domain/mediation-errors.js';
export { ReadPmsmpConvention } from './application/read-pmsmp-convention.use-case.js';
export { SavePmsmpConvention } from './application/save-pmsmp-convention.use-case.js';
export { SignPmsmpConvention } from './application/sign-pmsmp-convention.use-case.js';
export { PrintPmsmpConvention } from './application/print-pmsmp-convention.use-case.js';
export type { PmsmpConventionView } from './application/pmsmp-convention-view.js';
export type { PmsmpParties } from './application/ports/pmsmp-convention-store.js';
export {
  PMSMP_MAX_TASKS,
  PMSMP_MAX_WEEKLY_HOURS,
  PMSMP_OBJECTIVES,
  PMSMP_PARTIES,
  PMSMP_STATUSES,
  PMSMP_TEXT_MAX,
} from './domain/pmsmp-convention.js';
export type { PmsmpObjective, PmsmpParty, PmsmpStatus } from './domain/pmsmp-convention.js';
export { employerFacingStaffName } from './domain/staff-name.js';
export { ExportEmployerAnswers } from './application/export-employer-answers.use-case.js';
export type {
  ExportedEmployerAnswer,
  ExportedEmployerExchange,
} from './application/ports/person-employer-answers-store.js';
