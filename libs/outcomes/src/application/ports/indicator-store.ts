import type { EntityManager } from 'typeorm';
import type { Milestone } from '../../domain/outcomes.js';

export type MilestoneCounts = Record<`${'due' | 'exit' | 'answered'}_${Milestone}`, number>;

/** The people's facts of one group. */
export interface PeopleRow extends MilestoneCounts {
  grp: string | null;
  followed: number;
  cohort: number;
  returned: number;
  job_ready: number;
  cv_ok: number;
  placements: number;
  durable: number;
  introductions: number;
  intro_people: number;
  intro_days: number | null;
  hire_people: number;
  hire_days: number | null;
  rhythm_people: number;
  rhythm_at_target: number;
  /** Participations of the period with an attendance recorded; absent among them; none recorded yet. */
  attendance_recorded: number;
  attendance_absent: number;
  attendance_unknown: number;
}

/** The employers' answers to the cards sent, of one group. */
export interface ResponseRow {
  grp: string | null;
  sent: number;
  answered: number;
  median_hours: number | null;
}

/** The offers captured, of one group. */
export interface OffersRow {
  grp: string | null;
  offers: number;
}

/** What a report counts: the people of `structures` (null: all) and of a coach (null: all), over the period. */
export interface IndicatorScope {
  readonly structures: readonly string[] | null;
  readonly coachId: string | null;
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly groupBy: 'none' | 'coach' | 'structure' | 'commune' | 'departement';
  /** Statistical secrecy: communes with fewer people than this are pooled under `smallCommunes`. */
  readonly minCommuneGroup: number;
  readonly smallCommunes: string;
}

/** The indicators' facts, counted from the records on every call (no counters), per group. */
export abstract class IndicatorStore {
  abstract facts(
    manager: EntityManager,
    report: IndicatorScope,
  ): Promise<{ people: PeopleRow[]; responses: ResponseRow[]; offers: OffersRow[] }>;

  /** The names of the groups' ids: coaches, structures or communes. */
  abstract labels(
    manager: EntityManager,
    groupBy: 'coach' | 'structure' | 'commune',
    ids: readonly string[],
  ): Promise<Array<{ id: string; label: string }>>;
}
