import type { CommuneQuery, ReferentialIndex } from '@passerelle/referential';
import type { Commune } from './ports/beneficiary-store.js';
import { coachingError } from '../domain/coaching-errors.js';

/** The person's home commune, from its code or name; an unknown one is the request's fault (400). */
export async function homeCommune(referential: ReferentialIndex, query: CommuneQuery): Promise<Commune> {
  await referential.load();
  const commune = referential.resolveCommune(query);
  if (!commune)
    throw coachingError('beneficiary.unknown_commune', 'unknown commune', [
      { field: 'commune', reason: 'no commune matches this code or name' },
    ]);
  return commune;
}
