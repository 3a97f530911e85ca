export { startApi } from './api-harness.js';
export type { RunningApi } from './api-harness.js';
export { spawnBuilt } from './processes.js';
export type { SpawnedProcess } from './processes.js';
export { TcpProxy } from './tcp-proxy.js';
export { createTestContext } from './test-context.js';
export type { TestContext } from './test-context.js';
export { currentTestRun } from './test-run.js';
export type { TestRun } from './test-run.js';
export { eventually } from './wait.js';
export { as, login, refreshCookieOf, seedOrganisation, TEST_PASSWORD, withRefreshCookie } from './identity-fixtures.js';
export type { TestOrganisation, TestUser } from './identity-fixtures.js';
export { startOidcProvider } from './oidc-provider.js';
export type { LocalOidcProvider, OidcTestUser } from './oidc-provider.js';
export { startAppContext } from './app-context.js';
export { jpegPhoto, jpegStructure, pngBomb, pngImage } from './images.js';
export { binary, pdfText } from './pdf-text.js';
export { CHROMIUM_PATH, launchChromium } from './browser.js';
export {
  diagnosedPerson,
  personValidatedCard,
  offerOfNewEmployer,
  publishedOffer,
  shortlistCandidates,
  spaceTokenMailedTo,
} from './card-link-fixture.js';
export type { ShortlistCandidates } from './card-link-fixture.js';
export { acceptAndSendCardLink, auditPage, signInThroughForm } from './journeys.js';
export { ingestDemoBoards, JOURNEY_BOARDS, seedDemoPeople, syncOffersIndex } from './demo-platform.js';
