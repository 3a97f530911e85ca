import { DomainError } from '@passerelle/core';
import type { CommuneQuery, ReferentialIndex } from '@passerelle/referential';
import type { Commune } from '../infrastructure/beneficiary-store.js';

/** The person's home commune, from its code or name; an unknown one is the request's fault (400). */
export async function homeCommune(referential: ReferentialIndex, query: CommuneQuery): Promise<Commune> {
  await referential.load();
  const commune = referential.resolveCommune(query);
  if (!commune)
    throw new DomainError('bad_request', 'beneficiary.unknown_commune', 'unknown commune', [
      { field: 'commune', reason: 'no commune matches this code or name' },
    ]);
  return commune;
}
