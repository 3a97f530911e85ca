export { OFFER_LOOKUPS } from './application/offer-lookups.token.js';
export {
  LEARNING_MAX_AGE_MS,
  LEARNING_MAX_OFFERS,
  LEARNING_MIN_OFFERS,
  OccupationLearning,
} from './application/occupation-learning.js';
export type { LearningReport } from './application/occupation-learning.js';
export type { OfferView } from './application/offer-view.js';
export { CloseOffer } from './application/close-offer.use-case.js';
export { EditOffer } from './application/edit-offer.use-case.js';
export { MANUAL_SOURCE, PostOffer } from './application/post-offer.use-case.js';
export type { PostedBy } from './application/post-offer.use-case.js';
export { ReadOffers } from './application/read-offers.use-case.js';
export type { OfferQuery } from './application/read-offers.use-case.js';
export {
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  parseContractType,
  parseDurationMonths,
  parseWorkingTime,
} from './domain/contract.js';
export type { ContractType, WorkingTime } from './domain/contract.js';
export { parseFrenchDate } from './domain/dates.js';
export type {
  InferredOccupation,
  OccupationReading,
  OfferLookups,
  ResolvedArea,
  ResolvedCommune,
} from './domain/lookups.js';
export { TEXT_SKILLS } from './domain/lookups.js';
export { contentHash, normalizeOffer, splitLocation } from './domain/normalize-offer.js';
export type { OfferFields, OfferInput, OfferTextField } from './domain/normalize-offer.js';
export type {
  ClosedReason,
  NormalizationResult,
  NormalizedOffer,
  OfferRejection,
  OfferStatus,
  PlacePrecision,
  StaffClosedReason,
} from './domain/offer.js';
export { PLACE_PRECISIONS } from './domain/offer.js';
export { isLuhnValid, isValidSiret } from './domain/siret.js';
export { parseSalary } from './domain/salary.js';
export type { SalaryPeriod, SalaryRange } from './domain/salary.js';
export {
  DUPLICATE_THRESHOLDS,
  descriptionSimilarity,
  duplicateFingerprint,
  isSameJob,
  titleSimilarity,
} from './domain/similarity.js';
export { htmlToText, normalizeText } from './domain/text.js';
export { OfferEntity } from './infrastructure/offer.entity.js';
export { OfferStore } from './application/ports/offer-store.js';
export { OfferOutbox } from './infrastructure/offer-outbox.js';
export type { BatchOutcome, OfferWrite } from './application/ports/offer-store.js';
export type { StoredOffer } from './application/ports/offer-reader.js';
export { OffersModule } from './offers.module.js';
export { OFFERS_ERRORS, offersError } from './domain/offers-errors.js';
export type { OffersErrorCode } from './domain/offers-errors.js';
