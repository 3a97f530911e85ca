import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownEmployer } from '../domain/employer-name.js';

/** Employers (`employer`) and their contacts, as introductions look them up. */
@Injectable()
export class EmployerStore {
  /**
   * The structure of the employer when it belongs to `structureId` or a structure above it (the
   * département's platform); null otherwise.
   */
  async structureWithin(manager: EntityManager, employerId: string, structureId: string): Promise<string | null> {
    const employers: Array<{ structure_id: string }> = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM structure WHERE id = $2
         UNION SELECT s.id, s.parent_id FROM structure s JOIN up ON s.id = up.parent_id
       ) SELECT e.structure_id FROM employer e WHERE e.id = $1 AND e.structure_id IN (SELECT id FROM up)`,
      [employerId, structureId],
    );
    return employers.at(0)?.structure_id ?? null;
  }

  /** The employers of the structure and those above it, nearest structure first, oldest first. */
  async knownFrom(manager: EntityManager, structureId: string): Promise<KnownEmployer[]> {
    return manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM structure WHERE id = $1
         UNION SELECT s.id, s.parent_id, up.depth + 1 FROM structure s JOIN up ON s.id = up.parent_id
       ) SELECT e.id, e.name, e.siret FROM employer e JOIN up ON up.id = e.structure_id
       ORDER BY up.depth, e.created_at, e.id`,
      [structureId],
    );
  }

  /**
   * Registers the employer in the structure and returns its id; one registered meanwhile under the
   * same SIRET (a concurrent request) is that one.
   */
  async register(
    manager: EntityManager,
    employer: {
      structureId: string;
      siret: string | null;
      name: string;
      commune: { inseeCode: string; name: string };
      createdBy: string;
    },
  ): Promise<string> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer (structure_id, siret, name, commune_insee, commune_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (structure_id, siret) WHERE siret IS NOT NULL DO NOTHING RETURNING id`,
      [
        employer.structureId,
        employer.siret,
        employer.name,
        employer.commune.inseeCode,
        employer.commune.name,
        employer.createdBy,
      ],
    );
    if (inserted.length > 0) return inserted[0].id;
    const existing: Array<{ id: string }> = await manager.query(
      'SELECT id FROM employer WHERE structure_id = $1 AND siret = $2',
      [employer.structureId, employer.siret],
    );
    return existing[0].id;
  }

  /** A contact of this employer with an e-mail; null otherwise. */
  async contactWithEmail(
    manager: EntityManager,
    contactId: string,
    employerId: string,
  ): Promise<{ email: string; name: string } | null> {
    const contacts: Array<{ email: string | null; name: string }> = await manager.query(
      'SELECT email, name FROM employer_contact WHERE id = $1 AND employer_id = $2',
      [contactId, employerId],
    );
    const contact = contacts.at(0);
    return contact?.email ? { email: contact.email, name: contact.name } : null;
  }
}
