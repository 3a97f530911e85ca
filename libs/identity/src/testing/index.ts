/**
 * Identity's testing door: in-memory stores, fakes and builders for use-case tests (this lib's and
 * other libs' specs). Production code never imports it (dependency-cruiser).
 */
export { aConfig, actorOf, anActor, aStructure, aUser } from './builders.js';
export {
  FakePasswordHasher,
  FakeTokenService,
  FakeTotpSecretCipher,
  InMemoryCommonPasswords,
  InMemoryLoginThrottle,
} from './fakes.js';
export { InMemoryAuditLog } from './in-memory-audit-log.js';
export type { RecordedAudit } from './in-memory-audit-log.js';
export { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store.js';
export { InMemoryRequestAccess } from './in-memory-request-access.js';
export { InMemoryStructureStore } from './in-memory-structure-store.js';
export { InMemoryUserDirectory, InMemoryUserStore } from './in-memory-user-store.js';
export { refusalOf } from './refusal.js';
export type { Refusal } from './refusal.js';
