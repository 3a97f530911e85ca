/**
 * Outcomes' testing door: in-memory stores, a recording scheduler, stand-ins for the other contexts
 * it calls, and builders, for use-case tests without a database. Production code never imports it.
 */
export { aCoach, aFollowUp, aPlacement, STRUCTURE } from './builders.js';
export { InMemoryFollowUpStore } from './in-memory-follow-up-store.js';
export type { StoredFollowUp } from './in-memory-follow-up-store.js';
export { InMemoryPlacementStore } from './in-memory-placement-store.js';
export type { PlacementPerson } from './in-memory-placement-store.js';
export {
  fakeReadIntroduction,
  RecordingAuditLog,
  RecordingNotifications,
  RecordingOfferClosures,
} from './other-contexts.js';
export { RecordingFollowUpScheduler } from './recording-ports.js';
// Coaching's stand-ins, shared with the other contexts' use-case tests.
export { FakeBeneficiaries } from '../../../coaching/src/testing/index.js';
