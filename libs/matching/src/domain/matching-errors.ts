import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/** Matching's errors (matched and keyword search), code → kind and the French the user reads; 400 or 422: see ErrorEntry in libs/core. */
export const MATCHING_ERRORS = {
  'matching.index_not_ready': {
    kind: 'unavailable',
    fr: 'La recherche d’offres n’est pas encore prête (l’index se construit) : réessayez dans quelques minutes.',
  },
  'matching.invalid_profile': {
    kind: 'invalid',
    fr: 'Le profil cite des codes inconnus : corrigez les champs signalés.',
  },
  'offers.search_scope': {
    kind: 'bad_request',
    fr: 'La recherche par mots-clés porte sur les offres ouvertes, sans les doublons.',
  },
} as const satisfies ErrorCatalogue;

export type MatchingErrorCode = keyof typeof MATCHING_ERRORS;

export const matchingError = errorFactory(MATCHING_ERRORS);
