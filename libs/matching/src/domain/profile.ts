import type { ScheduleConstraint } from './schedule.js';

import { CONTRACT_TYPES, type ContractType } from '@passerelle/offers';

/** A person accepts the contract types offers are normalised to. */
export const MATCH_CONTRACT_TYPES = CONTRACT_TYPES;
export type MatchContractType = ContractType;

/** A person as the matcher sees them (inline for now; the coaching module will store it). */
export interface MatchingProfile {
  readonly experiences: ReadonlyArray<{
    readonly romeCode?: string;
    readonly jobTitle?: string;
    readonly months: number;
    /** When the job ended (`YYYY-MM-DD`); absent for a current or undated job. Recent counts more. */
    readonly endedOn?: string;
  }>;
  /** Declared skills and savoir-être: ROME skill codes. They also cover offer skills they prove. */
  readonly skills: readonly string[];
  /** Certificates as the coach wrote them (`CACES R489 cat. 3`, `SST`): they cover the skills they prove. */
  readonly certificates?: readonly string[];
  /** ROME codes of the occupations the person aims at: they rank and explain as targets. */
  readonly targetOccupations?: readonly string[];
  readonly commune: { readonly inseeCode?: string; readonly postalCode?: string };
  readonly maxDistanceKm: number;
  readonly drivingLicence: boolean;
  readonly contractTypes: readonly MatchContractType[];
  readonly workingTime: 'full_time' | 'part_time' | 'any';
  /** Hours the person cannot work (childcare, health): offers announcing them are left out. */
  readonly constraints?: readonly ScheduleConstraint[];
}

export interface MatchFilters {
  readonly departements?: readonly string[];
  readonly publishedWithinDays?: number;
}

/** A value inside a Meilisearch filter string: quoted and escaped, never raw user text. */
export function filterValue(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
