import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/** The offers' errors (posting, editing, reading), code → kind and the French the user reads; 400 or 422: see ErrorEntry in libs/core. */
export const OFFERS_ERRORS = {
  /** Editing it (409, the offer's state), or asking candidates for it (422, mediation's rule). */
  'offer.closed': { kind: 'conflict', alsoKind: 'invalid', fr: 'Cette offre est close.' },
  'offer.invalid': { kind: 'invalid', fr: 'Cette offre n’est pas valable : corrigez les champs signalés.' },
  'offer.not_editable': {
    kind: 'conflict',
    fr: 'Une offre collectée sur un site se modifie sur ce site, pas dans Passerelle.',
  },
  'offer.not_found': { kind: 'not_found', fr: 'Cette offre n’existe pas ou plus.' },
} as const satisfies ErrorCatalogue;

export type OffersErrorCode = keyof typeof OFFERS_ERRORS;

export const offersError = errorFactory(OFFERS_ERRORS);
