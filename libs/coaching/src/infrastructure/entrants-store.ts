import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EntrantsStore, type ExistingPerson } from '../application/ports/entrants-store.js';

/** The import's reads on PostgreSQL: structures through identity's published view, files in `beneficiary`. */
@Injectable()
export class SqlEntrantsStore extends EntrantsStore {
  override async structures(
    manager: EntityManager,
    structureIds: readonly string[] | null,
  ): Promise<Array<{ id: string; name: string }>> {
    return manager.query(
      'SELECT s.id, s.name FROM identity_structure_v s WHERE $1::uuid[] IS NULL OR s.id = ANY($1) ORDER BY s.name',
      [structureIds === null ? null : [...structureIds]],
    );
  }

  override async bornOn(
    manager: EntityManager,
    birthDates: readonly string[],
    structureIds: readonly string[] | null,
  ): Promise<ExistingPerson[]> {
    if (birthDates.length === 0) return [];
    const rows: Array<{
      id: string;
      first_name: string | null;
      last_name: string | null;
      birth_date: string;
      structure_id: string;
    }> = await manager.query(
      `SELECT b.id, b.first_name, b.last_name, to_char(b.birth_date, 'YYYY-MM-DD') AS birth_date, b.structure_id
       FROM beneficiary b
       WHERE b.erased_at IS NULL AND b.birth_date = ANY($1::date[]) AND ($2::uuid[] IS NULL OR b.structure_id = ANY($2))`,
      [[...new Set(birthDates)], structureIds === null ? null : [...structureIds]],
    );
    return rows.map((row) => ({
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      structureId: row.structure_id,
    }));
  }

  override async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('coaching.entrants_import'))`);
  }
}
