export { ListFollowUps } from './application/list-follow-ups.use-case.js';
export { AnswerFollowUp } from './application/answer-follow-up.use-case.js';
export type { FollowUpAnswer } from './application/answer-follow-up.use-case.js';
export { MarkFollowUpDue } from './application/mark-follow-up-due.use-case.js';
export { FOLLOW_UP_STATES } from './application/follow-up-view.js';
export type { FollowUpState, FollowUpView } from './application/follow-up-view.js';
export { ComputeIndicators, INDICATOR_GROUPS } from './application/indicators.use-case.js';
export { SqlIndicatorStore } from './infrastructure/indicator-store.js';
export type {
  IndicatorGroup,
  IndicatorQuery,
  IndicatorsReport,
  IndicatorValue,
} from './application/indicators.use-case.js';
export { RecordPlacement } from './application/record-placement.use-case.js';
export type { NewPlacement } from './application/record-placement.use-case.js';
export { EndPlacement } from './application/end-placement.use-case.js';
export { ListPlacements } from './application/list-placements.use-case.js';
export type { PlacementView } from './application/ports/placement-store.js';
export { INDICATOR_UNITS, INDICATORS, indicatorsMarkdown } from './domain/indicators.js';
export type { IndicatorDefinition, IndicatorUnit } from './domain/indicators.js';
export * from './domain/outcomes.js';
export { FollowUpScheduler } from './application/ports/follow-up-scheduler.js';
export { checkpointJobId, FollowUpJobs } from './infrastructure/follow-up-jobs.js';
export { OutcomesModule } from './outcomes.module.js';
export { ExportPerson } from './application/person-export.use-case.js';
export type { ExportedFollowUp, ExportedJob, PersonExport } from './application/person-export.use-case.js';
export { FRENCH_LABELS, frenchDay, frenchLabel, readableExport } from './domain/readable-export.js';
export type { ReadableExportInput } from './domain/readable-export.js';
export { OUTCOMES_ERRORS, outcomesError } from './domain/outcomes-errors.js';
export type { OutcomesErrorCode } from './domain/outcomes-errors.js';
export {
  ListEmployerFollowUpLinks,
  RevokeEmployerFollowUpLink,
  SendEmployerFollowUpForm,
} from './application/employer-follow-up-links.use-case.js';
export type { SentEmployerForm } from './application/employer-follow-up-links.use-case.js';
export { AnswerEmployerFollowUp, OpenEmployerFollowUp } from './application/employer-follow-up-page.use-case.js';
export type { EmployerFollowUpPosted, EmployerFollowUpState } from './application/employer-follow-up-page.use-case.js';
export type { EmployerLinkView } from './application/ports/employer-follow-up-link-store.js';
export {
  EMPLOYER_FOLLOW_UP_LINK_DAYS,
  EMPLOYER_FOLLOW_UP_LINK_MAX_DAYS,
  EMPLOYER_LINK_STATES,
  EMPLOYER_REMARK_MAX,
  isFollowUpToken,
} from './domain/employer-follow-up.js';
export type { EmployerFollowUpForm, EmployerLinkState } from './domain/employer-follow-up.js';
export {
  employerFollowUpAnsweredPage,
  employerFollowUpGonePage,
  employerFollowUpPage,
} from './domain/employer-follow-up-page.js';
