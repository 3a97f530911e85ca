export { OfferCandidates } from './application/candidates.use-case.js';
export type {
  CandidateExplanation,
  CandidateRequestStatus,
  CandidateRequestView,
  OfferCandidate,
  OfferSummary,
} from './application/candidates.use-case.js';
export { CapturedOffers } from './application/captured-offers.use-case.js';
export type {
  CapturedOfferDelay,
  CapturedOffersReport,
  FirstCandidateState,
} from './application/captured-offers.use-case.js';
export { EmployerCardLinks } from './application/card-links.use-case.js';
export type { CardLinkState } from './application/card-links.use-case.js';
export { ManageEmployers, MEDIATION_SOURCE } from './application/employers.use-case.js';
export type {
  DueAction,
  EmployerContact,
  EmployerDetail,
  EmployerInteraction,
  EmployerView,
  JobAnalysisSummary,
  NewEmployer,
} from './application/employers.use-case.js';
export { EMPLOYER_ANSWERS, EMPLOYER_SIZE_BANDS, INTERACTION_KINDS } from './domain/employer.js';
export type { EmployerAnswer, EmployerSizeBand, InteractionKind } from './domain/employer.js';
export { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';
export { ProposeIntroduction } from './application/propose-introduction.use-case.js';
export type { IntroductionProposal, NamedEmployer } from './application/propose-introduction.use-case.js';
export { ListIntroductions } from './application/list-introductions.use-case.js';
export { ReadIntroduction } from './application/read-introduction.use-case.js';
export { MoveIntroduction } from './application/move-introduction.use-case.js';
export { EditCard } from './application/edit-card.use-case.js';
export { ReadCardChoices } from './application/read-card-choices.use-case.js';
export { SendCardLink } from './application/send-card-link.use-case.js';
export { RevokeCardLinks } from './application/revoke-card-links.use-case.js';
export { RemindUnansweredEmployer } from './application/remind-unanswered-employer.use-case.js';
export type { IntroductionSummary, IntroductionView } from './infrastructure/introduction-store.js';
export { buildCard } from './domain/candidate-card.js';
export type { CandidateCard } from './domain/candidate-card.js';
export { cardPage, gonePage, notFoundPage, tooManyRequestsPage } from './domain/card-page.js';
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
export { MediationModule } from './mediation.module.js';
export { MEDIATION_ERRORS, mediationError } from './domain/mediation-errors.js';
export type { MediationErrorCode } from './domain/mediation-errors.js';
