/**
 * Answers the OpenAPI document does not describe yet (use cases returning their view types):
 * the web application imports those types from the libraries, type-only, so they are still
 * written once. Requests and documented answers come from schema.ts.
 */
export type {
  BeneficiaryFile,
  BeneficiaryMatches,
  NotificationView,
  PortfolioEntry,
  ProposalView,
} from '@passerelle/coaching';
export type {
  CandidateCard,
  CapturedOffersReport,
  EmployerView,
  IntroductionSummary,
  IntroductionView,
  OfferCandidate,
} from '@passerelle/mediation';
export type { FollowUpView, IndicatorsReport, IndicatorValue, PlacementView } from '@passerelle/outcomes';
export type { components } from './schema';

/** A page of a list answer. */
export interface Page<T> {
  readonly items: T[];
  readonly total?: number;
}
