import { parseFrenchDate } from './dates.js';
import type { OfferFields } from './normalize-offer.js';
import { isValidSiret } from './siret.js';

export interface PostingProblem {
  readonly field: string;
  readonly reason: string;
}

/** The calendar day in Paris of an instant, `YYYY-MM-DD`. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}

/**
 * What an offer typed by staff must satisfy beyond an ingested one's rules: a real SIRET (the same
 * check as an employer's) and an expiry date that is a date and not already past. A source's offer
 * is taken as the source gives it; a person typing one can correct it.
 */
export function postingProblems(fields: OfferFields, now: Date): PostingProblem[] {
  const problems: PostingProblem[] = [];
  const siret = fields.employerSiret?.replace(/\s/g, '');
  if (siret && !isValidSiret(siret))
    problems.push({ field: 'employerSiret', reason: 'not a valid SIRET (14 digits, checksum)' });
  if (fields.expiresAt?.trim()) {
    const expires = parseFrenchDate(fields.expiresAt, now);
    if (!expires) problems.push({ field: 'expiresAt', reason: 'must be a date YYYY-MM-DD' });
    else if (expires.toISOString().slice(0, 10) < parisDay(now))
      problems.push({ field: 'expiresAt', reason: 'is in the past' });
  }
  return problems;
}
