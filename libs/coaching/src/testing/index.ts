/**
 * Coaching's testing door: in-memory stores, stand-ins for the other contexts and builders, for
 * use-case tests without PostgreSQL (ADR 0009). Production code never imports it (dependency-cruiser).
 */
export { A_STRUCTURE, aBeneficiary, aCoach, aManager, aNewBeneficiary, aNewCer, SYSTEM } from './builders.js';
export { inMemoryCoaching } from './coaching-world.js';
export {
  aCommune,
  DEFAULT_SETTINGS,
  fixedSettings,
  inMemoryStructureTree,
  recordingAuditLog,
  recordingSms,
  referentialOf,
} from './fakes.js';
export type { AuditRecord } from './fakes.js';
export { InMemoryBeneficiaryAccess } from './in-memory-beneficiary-access.js';
export { InMemoryBeneficiaryStore } from './in-memory-beneficiary-store.js';
export { InMemoryCerStore } from './in-memory-cer-store.js';
export { InMemoryConsentStore } from './in-memory-consent-store.js';
export { InMemoryDiagnosticStore } from './in-memory-diagnostic-store.js';
export { InMemoryErasureOutboxStore } from './in-memory-erasure-outbox-store.js';
export { InMemoryJournalStore } from './in-memory-journal-store.js';
export { InMemoryNotificationStore } from './in-memory-notification-store.js';
export { InMemoryPersonalDataStore } from './in-memory-personal-data-store.js';
export { InMemoryPhotoStore } from './in-memory-photo-store.js';
export { refusal } from './refusal.js';
export { FakeBeneficiaries } from './stand-ins.js';
export type { FakePerson } from './stand-ins.js';
