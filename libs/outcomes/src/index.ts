export { FOLLOW_UP_STATES, FollowUps } from './application/follow-ups.use-case.js';
export type { FollowUpAnswer, FollowUpState, FollowUpView } from './application/follow-ups.use-case.js';
export { ComputeIndicators, INDICATOR_GROUPS } from './application/indicators.use-case.js';
export { IndicatorStore } from './infrastructure/indicator-store.js';
export type {
  IndicatorGroup,
  IndicatorQuery,
  IndicatorsReport,
  IndicatorValue,
} from './application/indicators.use-case.js';
export { ManagePlacements } from './application/placements.use-case.js';
export type { NewPlacement, PlacementView } from './application/placements.use-case.js';
export { INDICATOR_UNITS, INDICATORS, indicatorsMarkdown } from './domain/indicators.js';
export type { IndicatorDefinition, IndicatorUnit } from './domain/indicators.js';
export * from './domain/outcomes.js';
export { FollowUpScheduler } from './infrastructure/follow-up-scheduler.js';
export { checkpointJobId, FollowUpJobs } from './infrastructure/follow-up-jobs.js';
export { OutcomesModule } from './outcomes.module.js';
export { ExportPerson } from './application/person-export.use-case.js';
export type { ExportedFollowUp, ExportedJob, PersonExport } from './application/person-export.use-case.js';
export { FRENCH_LABELS, frenchDay, frenchLabel, readableExport } from './domain/readable-export.js';
export type { ReadableExportInput } from './domain/readable-export.js';
