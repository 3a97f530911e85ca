import type { ErrorDetail } from '@passerelle/core';
import { addDays, daysBetween } from './coaching.js';

/**
 * A programme's target contact frequency (rythme de contact), set per structure: `contacts`
 * contacts every `periodDays` days (2 every 7 days for the CeA's fiche action 9, 1 every 15 days
 * for the accompagnement global). A structure without its own setting follows its nearest parent's.
 */
export interface ContactRhythm {
  readonly contacts: number;
  readonly periodDays: number;
}

/** Bounds of a setting: at least one contact, over a day to a quarter. */
export const RHYTHM_MAX_CONTACTS = 31;
export const RHYTHM_MAX_PERIOD_DAYS = 92;

export function rhythmProblems(input: ContactRhythm): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!Number.isInteger(input.contacts) || input.contacts < 1 || input.contacts > RHYTHM_MAX_CONTACTS)
    problems.push({ field: 'contacts', reason: `a whole number from 1 to ${RHYTHM_MAX_CONTACTS}` });
  if (!Number.isInteger(input.periodDays) || input.periodDays < 1 || input.periodDays > RHYTHM_MAX_PERIOD_DAYS)
    problems.push({ field: 'periodDays', reason: `a whole number of days from 1 to ${RHYTHM_MAX_PERIOD_DAYS}` });
  return problems;
}

/** Where a person stands against the rhythm on a day. */
export interface RhythmStatus extends ContactRhythm {
  /** Contacts held in the window: the `periodDays` days ending on the day. */
  readonly held: number;
  /** Contacts the rhythm asks for by that day. */
  readonly expected: number;
  readonly behind: boolean;
}

/**
 * The rule (the indicators' SQL in libs/outcomes applies the same one): count the contacts of the
 * last `periodDays` days, today included; a person followed for less than the whole window is
 * expected to have had a share of the target in proportion, rounded down, so nobody is behind on
 * their first days (2 a week: none expected over the first three days, one from the fourth).
 * Behind when fewer were held than expected.
 */
export function rhythmStatus(
  rhythm: ContactRhythm,
  contactDates: readonly string[],
  followedSince: string,
  today: string,
): RhythmStatus {
  const windowStart = addDays(today, -(rhythm.periodDays - 1));
  const held = contactDates.filter((date) => date >= windowStart && date <= today).length;
  const followedDays = Math.max(0, Math.min(rhythm.periodDays, daysBetween(followedSince, today) + 1));
  const expected = Math.floor((rhythm.contacts * followedDays) / rhythm.periodDays);
  return { ...rhythm, held, expected, behind: held < expected };
}

/** « 2 contacts tous les 7 jours » as the screens and messages say it. */
export function rhythmLabel(rhythm: ContactRhythm): string {
  const contacts = rhythm.contacts === 1 ? '1 contact' : `${rhythm.contacts} contacts`;
  if (rhythm.periodDays === 1) return `${contacts} par jour`;
  if (rhythm.periodDays === 7) return `${contacts} par semaine`;
  return `${contacts} tous les ${rhythm.periodDays} jours`;
}
