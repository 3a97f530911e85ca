export { ReconcileOffersIndex } from './application/reconcile-offers-index.use-case.js';
export type { ReconcileReport } from './application/reconcile-offers-index.use-case.js';
export { ReindexOffers } from './application/reindex-offers.use-case.js';
export type { ReindexReport } from './application/reindex-offers.use-case.js';
export { SyncOffersIndex } from './application/sync-offers-index.use-case.js';
export type { SyncReport } from './application/sync-offers-index.use-case.js';
export type { OfferDocument } from './domain/offer-document.js';
export { OFFERS_INDEX } from './infrastructure/offers-index.js';
export { MatchingModule } from './matching.module.js';
