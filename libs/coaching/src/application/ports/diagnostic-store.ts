import type { EntityManager } from 'typeorm';
import type { Diagnostic } from '../../domain/diagnostic.js';

/** A `diagnostic` row as PostgreSQL returns it (other reads join it, e.g. the reverse-matching pool). */
export interface DiagnosticRow {
  experiences: Diagnostic['experiences'];
  skills: Diagnostic['skills'];
  desired_occupations: string[];
  driving_licence: boolean;
  vehicle: boolean;
  max_distance_km: number;
  contract_types: Diagnostic['contractTypes'];
  working_time: Diagnostic['workingTime'];
  constraints: Diagnostic['constraints'];
  availability_date: string | null;
  digital_autonomy: Diagnostic['digitalAutonomy'];
  languages: Diagnostic['languages'];
  certificates: string[];
  updated_at: Date;
}

export type StoredDiagnostic = Diagnostic & { updatedAt: Date };

export function toDiagnostic(row: DiagnosticRow): StoredDiagnostic {
  return {
    experiences: row.experiences,
    skills: row.skills,
    desiredOccupations: row.desired_occupations,
    drivingLicence: row.driving_licence,
    vehicle: row.vehicle,
    maxDistanceKm: row.max_distance_km,
    contractTypes: row.contract_types,
    workingTime: row.working_time,
    constraints: row.constraints,
    availabilityDate: row.availability_date,
    digitalAutonomy: row.digital_autonomy,
    languages: row.languages,
    certificates: row.certificates ?? [],
    updatedAt: row.updated_at,
  };
}

/** The person's diagnostic: one per person, written whole by the referent coach. */
export abstract class DiagnosticStore {
  abstract find(manager: EntityManager, beneficiaryId: string): Promise<StoredDiagnostic | null>;

  abstract save(manager: EntityManager, beneficiaryId: string, diagnostic: Diagnostic, userId: string): Promise<void>;
}
