export { ManageBeneficiaries, PORTFOLIO_SORTS, ReadPortfolio } from './application/beneficiaries.use-case.js';
export type {
  BeneficiaryChanges,
  BeneficiaryIdentity,
  BeneficiarySummary,
  NewBeneficiary,
  PortfolioEntry,
  PortfolioQuery,
  PortfolioSort,
} from './application/beneficiaries.use-case.js';
export {
  ManageCer,
  ManageConsents,
  ManageDiagnostic,
  ReadBeneficiaryFile,
  RecordCoachingEvent,
} from './application/coaching-file.use-case.js';
export type {
  BarrierInput,
  BarrierView,
  BeneficiaryFile,
  CerOutcomeInput,
  CerView,
  ConsentView,
  EventView,
  NewCer,
  NewEvent,
  ProposalView,
} from './application/coaching-file.use-case.js';
export { ReadCoachLoads } from './application/coach-loads.use-case.js';
export type { CapOverrideView, CoachLoad, CoachLoads } from './application/coach-loads.use-case.js';
export { MatchBeneficiary } from './application/matches.use-case.js';
export type { BeneficiaryMatches, PersonForOffer } from './application/matches.use-case.js';
export { ReadNotifications, RecordNotification } from './application/notifications.use-case.js';
export type { NewNotification, NotificationView } from './application/notifications.use-case.js';
export { PersonalData } from './application/personal-data.use-case.js';
export type { BeneficiaryExport } from './application/personal-data.use-case.js';
export { ManagePhoto, ORPHAN_GRACE_MS } from './application/photo.use-case.js';
export { ErasureHandlers } from './application/beneficiary-erased.js';
export type { BeneficiaryErased, BeneficiaryErasedHandler } from './application/beneficiary-erased.js';
export { ProcessErasures } from './application/process-erasures.use-case.js';
export type { ErasureReport } from './application/process-erasures.use-case.js';
export type { Photo, PhotoView } from './application/photo.use-case.js';
export * from './domain/coaching.js';
export { PHOTO_MAX_BYTES, megabytes } from './domain/photo.js';
export { diagnosticProblems, matchingProfileOf } from './domain/diagnostic.js';
export type { Diagnostic, EvidencedSkill, Experience } from './domain/diagnostic.js';
export { CoachingModule } from './coaching.module.js';
export { BeneficiaryAccess } from './infrastructure/beneficiary-access.js';
export type { BeneficiaryRow } from './infrastructure/beneficiary-access.js';
