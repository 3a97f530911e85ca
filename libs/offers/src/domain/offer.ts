import type { ContractType, WorkingTime } from './contract.js';
import type { SalaryPeriod } from './salary.js';
import type { OccupationReading } from './lookups.js';

export type OfferStatus = 'open' | 'closed';

/**
 * How precisely an offer says where the job is. Real offers often give only a département
 * (`62 - Pas-de-Calais`), a region or `France`, and a few are abroad (`Principauté de Monaco`):
 * they are kept at that precision, never rejected.
 */
export const PLACE_PRECISIONS = ['commune', 'departement', 'region', 'country', 'abroad'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];
export type ClosedReason = 'disappeared' | 'expired' | 'manual' | 'filled';
/** Why staff close an offer: by hand, or because the job was filled (a hire). */
export type StaffClosedReason = Extract<ClosedReason, 'manual' | 'filled'>;

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
    readonly precision: PlacePrecision;
    /** The commune, its postal code and coordinates: null unless the precision is `commune`. */
    readonly communeInsee: string | null;
    readonly communeName: string | null;
    readonly postalCode: string | null;
    /** Null for a region or the whole country. */
    readonly departement: string | null;
    /** Null for the whole country or abroad. */
    readonly region: string | null;
    /** What a person reads: `Lille (59000)`, `Pas-de-Calais (62)`, `Hauts-de-France`, `France`, `Monaco`. */
    readonly label: string;
    readonly latitude: number | null;
    readonly longitude: number | null;
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
    /**
     * When read from the text (`inferred`): the next likeliest occupations with their weight
     * relative to `code`'s (1), which matching counts too, less. Empty for a code the source gave.
     */
    readonly otherReadings: ReadonlyArray<OccupationReading>;
    /**
     * When read from the text: `referential` (title and description against the ROME) or
     * `coded_offers` (the most similar stored offers whose source coded them outvoted the
     * referential), with how many similar coded offers voted and how many carry `code`
     * (null when no reader of coded offers was in use). Null for a code the source gave.
     */
    readonly readFrom: 'referential' | 'coded_offers' | null;
    readonly similarOffers: number | null;
    readonly agreeingOffers: number | null;
  } | null;
  readonly skills: readonly string[];
  /**
   * ROME skill codes the description asks for, read once when the offer is written (indexing and
   * matching use them); absent when the lookups cannot read skills.
   */
  readonly textSkills?: readonly string[];
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
