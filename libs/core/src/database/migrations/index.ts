import { AppSettings1764000000000 } from './1764000000000-app-settings.js';
import { Identity1764000001000 } from './1764000001000-identity.js';
import { Referential1764000002000 } from './1764000002000-referential.js';
import { OffersIngestion1764000003000 } from './1764000003000-offers-ingestion.js';
import { Coaching1764000004000 } from './1764000004000-coaching.js';
import { Mediation1764000005000 } from './1764000005000-mediation.js';
import { CandidatesPhotos1764000006000 } from './1764000006000-candidates-photos.js';
import { Outcomes1764000007000 } from './1764000007000-outcomes.js';
import { HomeDepartement1764000008000 } from './1764000008000-home-departement.js';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the build, the tests and the
 * container image all run exactly the same set. A landed migration is never edited: add a new one.
 */
export const MIGRATIONS = [
  AppSettings1764000000000,
  Identity1764000001000,
  Referential1764000002000,
  OffersIngestion1764000003000,
  Coaching1764000004000,
  Mediation1764000005000,
  CandidatesPhotos1764000006000,
  Outcomes1764000007000,
  HomeDepartement1764000008000,
];
