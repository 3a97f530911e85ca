import type { EntityManager } from 'typeorm';
import type { PmsmpParty, PmsmpSignatures, PmsmpStatus, PmsmpTerms } from '../../domain/pmsmp-convention.js';

/** A convention as saved. */
export interface StoredPmsmpConvention {
  readonly terms: PmsmpTerms;
  readonly status: PmsmpStatus;
  readonly signatures: PmsmpSignatures;
  readonly updatedAt: Date;
}

/** What the introduction already knows, to start a convention from: its job analysis, the employer's contact. */
export interface PmsmpSuggestion {
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly schedule: string | null;
  readonly workplace: string | null;
  readonly tasks: readonly string[];
  readonly tutorName: string | null;
  readonly tutorRole: string | null;
  readonly tutorPhone: string | null;
  readonly tutorEmail: string | null;
}

/** The three parties as the convention names them, read from their owners when it is shown. */
export interface PmsmpParties {
  readonly personName: string;
  readonly employerName: string;
  readonly employerSiret: string | null;
  readonly employerCommune: string;
  readonly structureName: string;
  readonly jobTitle: string | null;
}

/** PMSMP conventions (`pmsmp_convention`), one per introduction. */
export abstract class PmsmpConventionStore {
  abstract find(manager: EntityManager, introductionId: string): Promise<StoredPmsmpConvention | null>;

  abstract suggestion(manager: EntityManager, introductionId: string): Promise<PmsmpSuggestion>;

  abstract parties(manager: EntityManager, introductionId: string): Promise<PmsmpParties>;

  /** Writes the terms (a new convention starts as a draft). */
  abstract save(manager: EntityManager, introductionId: string, terms: PmsmpTerms, userId: string): Promise<void>;

  /** One party's signing day (null: withdrawn) and the status it leads to. */
  abstract sign(
    manager: EntityManager,
    introductionId: string,
    party: PmsmpParty,
    signedOn: string | null,
    status: PmsmpStatus,
    userId: string,
  ): Promise<void>;
}
