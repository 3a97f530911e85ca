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
export { EMPLOYER_ANSWERS, EmployerCardLinks } from './application/card-links.use-case.js';
export type { CardLinkState, EmployerAnswer } from './application/card-links.use-case.js';
export { ManageEmployers, MEDIATION_SOURCE } from './application/employers.use-case.js';
export type { EmployerView, NewEmployer } from './application/employers.use-case.js';
export { ForgetViewerAddresses } from './application/forget-viewer-addresses.use-case.js';
export { ManageIntroductions } from './application/introductions.use-case.js';
export type { IntroductionSummary, IntroductionView } from './application/introductions.use-case.js';
export { buildCard } from './domain/candidate-card.js';
export type { CandidateCard } from './domain/candidate-card.js';
export { cardPage, gonePage, notFoundPage, tooManyRequestsPage } from './domain/card-page.js';
export {
  allowedNext,
  canMove,
  DECLINE_REASONS,
  INTRODUCTION_STATUSES,
  transitionProblems,
} from './domain/introduction.js';
export type { DeclineReason, IntroductionStatus } from './domain/introduction.js';
export { MediationModule } from './mediation.module.js';
