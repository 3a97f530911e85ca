import { addMonths } from '@passerelle/coaching';

/**
 * Placements and their follow-up: the rules that need no database. Dates are ISO `YYYY-MM-DD`
 * strings in Paris time, like the coaching dates.
 */

/** Contracts a placement can be (a PMSMP is a trial, not a job: it stays on the introduction). */
export const PLACEMENT_CONTRACTS = [
  'cdi',
  'cdd',
  'interim',
  'alternance',
  'saisonnier',
  'contrat_aide',
  'independant',
  'other',
] as const;
export type PlacementContract = (typeof PLACEMENT_CONTRACTS)[number];

/** How the job was found: through an introduction, by the coach, or by the person alone. */
export const PLACEMENT_FOUND_BY = ['introduction', 'coach', 'self'] as const;
export type PlacementFoundBy = (typeof PLACEMENT_FOUND_BY)[number];

/** Contracts with an end date: durable from six months on. */
export const FIXED_TERM: readonly PlacementContract[] = ['cdd', 'interim', 'alternance', 'saisonnier', 'contrat_aide'];
export const DURABLE_MIN_MONTHS = 6;

/**
 * The one rule for a durable job (emploi durable): a CDI, or a fixed-term contract (CDD, interim
 * mission, work-study, seasonal, subsidised contract) of at least six months.
 */
export function isDurable(contract: PlacementContract, contractMonths: number | null): boolean {
  if (contract === 'cdi') return true;
  return FIXED_TERM.includes(contract) && contractMonths !== null && contractMonths >= DURABLE_MIN_MONTHS;
}

/** Checkpoints after a job starts, and after coaching ends (the RSA-exit indicator). */
export const MILESTONES = { m1: 1, m3: 3, m6: 6 } as const;
export type Milestone = keyof typeof MILESTONES;
export const FOLLOW_UP_KINDS = ['placement', 'coaching_end'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const DIFFICULTIES = ['transport', 'childcare', 'hours', 'relations_at_work', 'health', 'pay', 'other'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const PLACEMENT_END_REASONS = ['contract_end', 'resignation', 'dismissal', 'trial_period_end', 'other'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** Days after its due date a checkpoint without an answer is listed as overdue. */
export const FOLLOW_UP_GRACE_DAYS = 7;

/** The checkpoints' dates from a start (a job's first day, or the day coaching ended). */
export function checkpointDates(start: string): Record<Milestone, string> {
  return Object.fromEntries(
    (Object.entries(MILESTONES) as Array<[Milestone, number]>).map(([milestone, months]) => [
      milestone,
      addMonths(start, months),
    ]),
  ) as Record<Milestone, string>;
}

/**
 * The instant a checkpoint falls due: the start of its day in Paris. (Daylight-saving changes are
 * handled by asking Intl for Paris's offset on that day.)
 */
export function dueInstant(dueOn: string): Date {
  const midnightUtc = new Date(`${dueOn}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(midnightUtc);
  const parisHour = Number(parts.find((part) => part.type === 'hour')!.value);
  return new Date(midnightUtc.getTime() - parisHour * 3_600_000);
}
