import type { ContractType, WorkingTime } from './contract.js';
import type { SalaryPeriod } from './salary.js';

export type OfferStatus = 'open' | 'closed';
export type ClosedReason = 'disappeared' | 'expired' | 'manual';

/** An offer as Passerelle keeps it, whatever its source: typed, located, with its ROME occupation. */
export interface NormalizedOffer {
  readonly source: string;
  readonly externalId: string;
  readonly url: string | null;
  readonly title: string;
  readonly description: string;
  readonly employerName: string | null;
  readonly employerSiret: string | null;
  readonly location: {
    readonly text: string | null;
    readonly communeInsee: string;
    readonly communeName: string;
    readonly postalCode: string;
    readonly departement: string;
    readonly latitude: number;
    readonly longitude: number;
  };
  readonly contractType: ContractType;
  readonly contractDurationMonths: number | null;
  readonly workingTime: WorkingTime;
  readonly weeklyHours: number | null;
  readonly salary: {
    readonly text: string | null;
    readonly min: number | null;
    readonly max: number | null;
    readonly period: SalaryPeriod | null;
  };
  readonly rome: {
    readonly code: string;
    readonly label: string;
    readonly inferred: boolean;
    readonly appellation: string | null;
  } | null;
  readonly skills: readonly string[];
  readonly qualities: readonly string[];
  readonly drivingLicences: readonly string[];
  readonly requirements: readonly string[];
  readonly experience: { readonly text: string | null; readonly months: number | null };
  readonly publishedAt: Date | null;
  readonly sourceUpdatedAt: Date | null;
  readonly expiresAt: Date | null;
}

export interface OfferRejection {
  readonly field: string;
  readonly reason: string;
}

export type NormalizationResult =
  | { readonly ok: true; readonly offer: NormalizedOffer; readonly contentHash: string }
  | { readonly ok: false; readonly rejection: OfferRejection };
