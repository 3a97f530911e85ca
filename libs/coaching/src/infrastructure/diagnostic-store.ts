import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Diagnostic } from '../domain/diagnostic.js';
import {
  type DiagnosticRow,
  DiagnosticStore,
  type StoredDiagnostic,
  toDiagnostic,
} from '../application/ports/diagnostic-store.js';

/** The person's diagnostic: one row per person, written whole by the referent coach. */
@Injectable()
export class SqlDiagnosticStore extends DiagnosticStore {
  override async find(manager: EntityManager, beneficiaryId: string): Promise<StoredDiagnostic | null> {
    const rows: DiagnosticRow[] = await manager.query('SELECT * FROM diagnostic WHERE beneficiary_id = $1', [
      beneficiaryId,
    ]);
    return rows.length > 0 ? toDiagnostic(rows[0]) : null;
  }

  override async save(
    manager: EntityManager,
    beneficiaryId: string,
    diagnostic: Diagnostic,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO diagnostic (beneficiary_id, experiences, skills, desired_occupations, driving_licence, vehicle,
         max_distance_km, contract_types, working_time, constraints, availability_date, digital_autonomy, languages,
         updated_by, certificates)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (beneficiary_id) DO UPDATE SET experiences = $2, skills = $3, desired_occupations = $4,
         driving_licence = $5, vehicle = $6, max_distance_km = $7, contract_types = $8, working_time = $9,
         constraints = $10, availability_date = $11, digital_autonomy = $12, languages = $13, updated_by = $14,
         certificates = $15, updated_at = now()`,
      [
        beneficiaryId,
        JSON.stringify(diagnostic.experiences),
        JSON.stringify(diagnostic.skills),
        diagnostic.desiredOccupations,
        diagnostic.drivingLicence,
        diagnostic.vehicle,
        diagnostic.maxDistanceKm,
        diagnostic.contractTypes,
        diagnostic.workingTime,
        diagnostic.constraints,
        diagnostic.availabilityDate,
        diagnostic.digitalAutonomy,
        JSON.stringify(diagnostic.languages),
        userId,
        diagnostic.certificates,
      ],
    );
  }
}
