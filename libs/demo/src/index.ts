export { generateDemoOffers, DemoOfferGenerator, DEFAULT_CROSS_POST_RATE } from './generator/generate-demo-offers.js';
export type {
  GenerateDemoOffersOptions,
  DemoGeneratorOptions,
  DemoOfferCore,
} from './generator/generate-demo-offers.js';
export { crossPostedCopy } from './generator/cross-post.js';
export { DEMO_PLATFORMS } from './generator/demo-offer.js';
export type {
  DemoCommune,
  DemoContract,
  DemoContractType,
  DemoEmployer,
  DemoExperience,
  DemoLicence,
  DemoOffer,
  DemoOfferRef,
  DemoPlatform,
  DemoRegion,
  DemoSalary,
  DemoSkill,
  DemoWorkingTime,
} from './generator/demo-offer.js';
export type { DemoJob, DemoQuality, DemoSector } from './generator/demo-job.js';
export { DEMO_JOBS } from './generator/jobs.data.js';
export { DEMO_COMMUNES } from './generator/communes.data.js';
export { DEMO_QUALITIES } from './generator/qualities.data.js';
export { demoSiret, formatSiret } from './generator/siret.js';
export { Rng, hash32 } from './generator/prng.js';
export { platformOfId } from './generator/offer-ids.js';

export { decodeWindows1252, encodeWindows1252, isWindows1252Encodable } from './encoding/windows-1252.js';
export type { Windows1252Options } from './encoding/windows-1252.js';

export { DemoCatalog } from './catalog/demo-catalog.js';
export type { CatalogEntry, DemoCatalogOptions, DemoDuplicate } from './catalog/demo-catalog.js';
export type { DemoFixtures } from './catalog/demo-fixtures.js';
export type { DemoControl } from './control/demo-control.js';
export type { Windows1252Declaration } from './control/demo-state.js';
export type { DemoRequestRecord } from './http/request-log.js';

export {
  DEMO_DEFAULTS,
  startDemoSources,
  startFranceTravailServer,
  startJobConnexionServer,
  startNordemploiServer,
} from './demo-sources.js';
export type {
  DemoBoardAccess,
  DemoServer,
  DemoSources,
  DemoSourcesOptions,
  FranceTravailAccess,
} from './demo-sources.js';
export { franceTravailOffre } from './sources/france-travail.mapper.js';
export type { FranceTravailOffre } from './sources/france-travail.mapper.js';
export { MAX_RANGE_SIZE, MAX_RANGE_START } from './sources/france-travail.source.js';

export { siteDescriptions } from './sites/site-descriptions.js';
export type { DemoFieldRule, DemoSiteDescription, DemoSiteDescriptions } from './sites/site-descriptions.js';
