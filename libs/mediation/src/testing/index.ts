/**
 * Mediation's testing door: in-memory stores, recording ports, stand-ins for the other contexts
 * it calls, and builders, for use-case tests without a database. Production code never imports it.
 */
export {
  aCard,
  aCoach,
  aMediator,
  anEmployer,
  anIntroduction,
  anIntroductionView,
  anOfferForIntroduction,
  STRUCTURES,
} from './builders.js';
export { InMemoryCardLinkStore } from './in-memory-card-link-store.js';
export type { StoredLink } from './in-memory-card-link-store.js';
export { InMemoryCardValidationStore } from './in-memory-card-validation-store.js';
export { InMemoryEmployerStore } from './in-memory-employer-store.js';
export { InMemoryIntroductionStore } from './in-memory-introduction-store.js';
export type { RecordedEvent } from './in-memory-introduction-store.js';
export {
  FakeConsents,
  fakeReferential,
  fakeSettings,
  fakeStructureTree,
  RecordingMailer,
  RecordingNotifications,
} from './other-contexts.js';
export { RecordingCardLinkJobs, RecordingPeopleAccessLog } from './recording-ports.js';
// Coaching's stand-ins, shared with the other contexts' use-case tests.
export { FakeBeneficiaries } from '../../../coaching/src/testing/index.js';
export type { FakePerson } from '../../../coaching/src/testing/index.js';
