export { ImportReferential } from './application/import-referential.use-case.js';
export type { DatasetReport, ImportOptions, ImportReport } from './application/import-referential.use-case.js';
export { ReferentialIndex } from './application/referential-index.js';
export type { ReferentialLoadStats } from './application/referential-index.js';
export type { CommuneQuery, ResolvedCommune } from './domain/commune-directory.js';
export {
  cleanPostalCode,
  departementOfPostalCode,
  isDepartementCode,
  parseLocation,
} from './domain/location-parser.js';
export type { ParsedLocation } from './domain/location-parser.js';
export { MIN_OCCUPATION_SCORE } from './domain/occupation-matcher.js';
export type { InferredOccupation } from './domain/occupation-matcher.js';
export { CLASSIFIER_WEIGHTS } from './domain/occupation-classifier.js';
export { CODED_OFFER_WEIGHTS, CodedOfferReader, readWithCodedOffers } from './domain/coded-offer-reader.js';
export type {
  CodedOffer,
  CodedOfferBuildOptions,
  CodedOfferEvidence,
  CodedOfferStats,
  CodedOfferWeights,
  CodedVotes,
  NearestOffers,
  LearnedOccupation,
} from './domain/coded-offer-reader.js';
export type { ClassifiedOccupation } from './domain/occupation-classifier.js';
export { frenchStem, textStems } from './domain/french-text.js';
export { labelCovers, SkillExtractor } from './domain/skill-extractor.js';
export { DATASETS, SKILL_KINDS } from './domain/referential-rows.js';
export type { CommuneKind, DatasetName, SkillKind } from './domain/referential-rows.js';
export { AUTOCOMPLETE_KINDS, MAX_SUGGESTIONS } from './domain/referential-snapshot.js';
export type {
  AppellationView,
  AutocompleteKind,
  Mobility,
  OccupationSkill,
  OccupationView,
  SkillView,
  Suggestion,
  SuggestionOf,
} from './domain/referential-snapshot.js';
export { foldText, placeKey } from './domain/text-normalisation.js';
export { departementArea, regionArea, resolveAbroad, resolveArea } from './domain/territories.js';
export type { AreaPrecision, ResolvedArea } from './domain/territories.js';
export { isReferentialEmpty } from './infrastructure/referential-reader.js';
export { readBundledReferential } from './infrastructure/bundled-referential.js';
export { ReferentialSnapshot } from './domain/referential-snapshot.js';
export { importReferentialInto, ReferentialModule } from './referential.module.js';
export { REFERENTIAL_ERRORS } from './domain/referential-errors.js';
export type { ReferentialErrorCode } from './domain/referential-errors.js';
export { LINEAR_OCCUPATION_WEIGHTS, LinearOccupationReader } from './domain/linear-occupation-reader.js';
export type { LinearOccupationWeights, LinearTrainingOffer } from './domain/linear-occupation-reader.js';
