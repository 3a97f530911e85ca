import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/** The referential's errors, code → kind and the French the user reads; 400 or 422: see ErrorEntry in libs/core. */
export const REFERENTIAL_ERRORS = {
  'referential.not_loaded': {
    kind: 'unavailable',
    fr: 'Le référentiel des métiers et des communes se charge : réessayez dans un instant.',
  },
} as const satisfies ErrorCatalogue;

export type ReferentialErrorCode = keyof typeof REFERENTIAL_ERRORS;

export const referentialError = errorFactory(REFERENTIAL_ERRORS);
