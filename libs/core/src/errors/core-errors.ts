import type { ErrorCatalogue } from './error-catalogue.js';
import { errorFactory } from './error-catalogue.js';

/** The errors of the platform itself: a request the API cannot read, the settings changed at run time. */
export const CORE_ERRORS = {
  'request.malformed': { kind: 'bad_request', fr: 'La demande envoyée est illisible ; rechargez la page.' },
  'request.too_large': { kind: 'too_large', fr: 'Le contenu envoyé est trop volumineux.' },
  'setting.not_found': { kind: 'not_found', fr: 'Ce réglage n’existe pas.' },
  'setting.out_of_range': { kind: 'invalid', fr: 'Cette valeur sort des limites du réglage.' },
  'setting.read_only': {
    kind: 'invalid',
    fr: 'Ce réglage est fixé par la configuration du serveur : il ne se change pas ici.',
  },
} as const satisfies ErrorCatalogue;

export type CoreErrorCode = keyof typeof CORE_ERRORS;

export const coreError = errorFactory(CORE_ERRORS);
