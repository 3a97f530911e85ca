import { foldText } from '@passerelle/referential';

/** Working hours an offer's text announces, as far as the matcher needs them for people's constraints. */
export const SCHEDULE_FLAGS = ['night', 'weekend', 'shifted_hours'] as const;
export type ScheduleFlag = (typeof SCHEDULE_FLAGS)[number];

/** What a person cannot do: each constraint excludes the offers carrying some flags. */
export const SCHEDULE_CONSTRAINTS = {
  no_night: ['night'],
  no_weekend: ['weekend'],
  /** Childcare: hours compatible with school (no nights, week-ends, early or late shifts). */
  school_hours: ['night', 'weekend', 'shifted_hours'],
} as const satisfies Record<string, readonly ScheduleFlag[]>;
export type ScheduleConstraint = keyof typeof SCHEDULE_CONSTRAINTS;
export const SCHEDULE_CONSTRAINT_NAMES = Object.keys(SCHEDULE_CONSTRAINTS) as ScheduleConstraint[];

// Applied to folded text: lower case, no accents, punctuation turned into single spaces.
const PATTERNS: Record<ScheduleFlag, RegExp> = {
  night: /\b(nuit|nuits|nocturne|nocturnes)\b/,
  weekend:
    /\b(week end|week ends|weekend|weekends|samedi et dimanche|samedis et dimanches|le dimanche|les dimanches|jours feries)\b/,
  shifted_hours:
    /\b(horaires decales|horaire decale|en decale|2x8|3x8|deux huit|trois huit|equipes alternees|horaires coupes|en coupure|des [45] ?h|des [45] heures|a partir de [45] ?h|tot le matin|jusqu a 2[1-3] ?h)\b/,
};

/** The schedule flags found in an offer's title and description (folded, accent-free matching). */
export function scheduleFlags(text: string): ScheduleFlag[] {
  const folded = foldText(text);
  return SCHEDULE_FLAGS.filter((flag) => PATTERNS[flag].test(folded));
}

/** The flags a person's constraints exclude. */
export function excludedFlags(constraints: readonly ScheduleConstraint[]): ScheduleFlag[] {
  return [...new Set(constraints.flatMap((constraint) => SCHEDULE_CONSTRAINTS[constraint]))];
}
