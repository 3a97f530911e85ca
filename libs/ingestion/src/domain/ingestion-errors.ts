import { type ErrorCatalogue, errorFactory } from '@passerelle/core';

/** Ingestion's errors (sources, runs, one page tried), code → kind and the French the user reads; 400 or 422: see ErrorEntry in libs/core. */
export const INGESTION_ERRORS = {
  'extract.rejected': { kind: 'invalid', fr: 'Cette page ne donne pas une offre utilisable.' },
  'run.not_found': { kind: 'not_found', fr: 'Cette collecte n’existe pas.' },
  'source.invalid_config': {
    kind: 'invalid',
    fr: 'La configuration de la source n’est pas valable : corrigez les champs signalés.',
  },
  'source.manual': {
    kind: 'invalid',
    fr: 'Une source manuelle est alimentée par la saisie des offres : elle ne se lance pas.',
  },
  'source.not_found': { kind: 'not_found', fr: 'Cette source n’existe pas.' },
  'source.page_unreachable': { kind: 'invalid', fr: 'La page n’a pas pu être lue.' },
  'source.run_in_progress': { kind: 'conflict', fr: 'Une collecte de cette source est déjà en cours.' },
} as const satisfies ErrorCatalogue;

export type IngestionErrorCode = keyof typeof INGESTION_ERRORS;

export const ingestionError = errorFactory(INGESTION_ERRORS);
