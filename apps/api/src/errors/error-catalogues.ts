import { COACHING_ERRORS } from '@passerelle/coaching';
import { CORE_ERRORS, type ErrorCatalogue, type ErrorEntry } from '@passerelle/core';
import { IDENTITY_ERRORS } from '@passerelle/identity';
import { INGESTION_ERRORS } from '@passerelle/ingestion';
import { MATCHING_ERRORS } from '@passerelle/matching';
import { MEDIATION_ERRORS } from '@passerelle/mediation';
import { OFFERS_ERRORS } from '@passerelle/offers';
import { OUTCOMES_ERRORS } from '@passerelle/outcomes';
import { REFERENTIAL_ERRORS } from '@passerelle/referential';
import { STATUS_BY_KIND } from './api-exception.filter.js';

/** A context's catalogue, with the lib and the name the web imports its type from. */
interface DeclaredCatalogue {
  readonly lib: string;
  readonly name: string;
  readonly catalogue: ErrorCatalogue;
}

/** Every catalogue of error codes the API answers (each context declares its own, in its lib). */
export const ERROR_CATALOGUES: readonly DeclaredCatalogue[] = [
  { lib: '@passerelle/core', name: 'CORE_ERRORS', catalogue: CORE_ERRORS },
  { lib: '@passerelle/identity', name: 'IDENTITY_ERRORS', catalogue: IDENTITY_ERRORS },
  { lib: '@passerelle/referential', name: 'REFERENTIAL_ERRORS', catalogue: REFERENTIAL_ERRORS },
  { lib: '@passerelle/offers', name: 'OFFERS_ERRORS', catalogue: OFFERS_ERRORS },
  { lib: '@passerelle/ingestion', name: 'INGESTION_ERRORS', catalogue: INGESTION_ERRORS },
  { lib: '@passerelle/matching', name: 'MATCHING_ERRORS', catalogue: MATCHING_ERRORS },
  { lib: '@passerelle/coaching', name: 'COACHING_ERRORS', catalogue: COACHING_ERRORS },
  { lib: '@passerelle/mediation', name: 'MEDIATION_ERRORS', catalogue: MEDIATION_ERRORS },
  { lib: '@passerelle/outcomes', name: 'OUTCOMES_ERRORS', catalogue: OUTCOMES_ERRORS },
];

/** Every code, once, with its entry; a code two catalogues declare is a mistake, refused here. */
export function allErrorCodes(): ReadonlyMap<string, ErrorEntry> {
  const codes = new Map<string, ErrorEntry>();
  const owner = new Map<string, string>();
  for (const { name, catalogue } of ERROR_CATALOGUES) {
    for (const [code, entry] of Object.entries(catalogue)) {
      if (owner.has(code)) throw new Error(`${code} is declared by ${owner.get(code)} and ${name}`);
      owner.set(code, name);
      codes.set(code, entry);
    }
  }
  return new Map([...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * apps/web/src/api/error-codes.ts: each code's HTTP status and French text, as data the web bundles,
 * checked against the catalogues' types (a stale or hand-edited file does not compile).
 */
export function webErrorCodesModule(): string {
  const imports = ERROR_CATALOGUES.map(({ lib, name }) => `import type { ${name} } from '${lib}';`);
  const catalogues = ERROR_CATALOGUES.map(({ name }) => `typeof ${name}`).join(' & ');
  const entries = [...allErrorCodes()].map(([code, entry]) => {
    const also = entry.alsoKind ? ` alsoStatus: ${STATUS_BY_KIND[entry.alsoKind]},` : '';
    return `  ${JSON.stringify(code)}: { status: ${STATUS_BY_KIND[entry.kind]},${also} fr: ${JSON.stringify(entry.fr)} },`;
  });
  return [
    '// Generated from the error catalogues of the libs (apps/api/src/errors/error-catalogues.ts) by `npm run web:api-types`. Do not edit.',
    ...imports,
    '',
    `type Catalogues = ${catalogues};`,
    '',
    '/** Every error code the API answers. */',
    'export type ApiErrorCode = keyof Catalogues;',
    '',
    '/** Each code’s HTTP status (and the other one some requests get, rarely) and the French text the user reads. */',
    'export const API_ERRORS = {',
    ...entries,
    '} as const satisfies {',
    '  readonly [Code in ApiErrorCode]: { readonly status: number; readonly alsoStatus?: number; readonly fr: Catalogues[Code]["fr"] };',
    '};',
    '',
  ].join('\n');
}
