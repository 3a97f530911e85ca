import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { EmployerSizeBand } from '../domain/employer.js';
import type { KnownEmployer } from '../domain/employer-name.js';
import {
  type DueAction,
  type EmployerContact,
  type EmployerDetail,
  type EmployerInteraction,
  EmployerStore,
  type EmployerView,
  type JobAnalysisSummary,
  type NewInteraction,
  type NewJobAnalysis,
} from '../application/ports/employer-store.js';

interface EmployerRow {
  id: string;
  siret: string | null;
  name: string;
  sector: string | null;
  size_band: EmployerSizeBand | null;
  commune_insee: string;
  commune_name: string;
  structure_id: string;
}

const toEmployer = (row: EmployerRow): EmployerView => ({
  id: row.id,
  siret: row.siret,
  name: row.name,
  sector: row.sector,
  sizeBand: row.size_band,
  communeInsee: row.commune_insee,
  communeName: row.commune_name,
  structureId: row.structure_id,
});

/** Employers (`employer`), their contacts, the interaction log and the job analyses. */
@Injectable()
export class SqlEmployerStore extends EmployerStore {
  /** The employer, when it belongs to one of `structures` (null: any). */
  async find(manager: EntityManager, id: string, structures: readonly string[] | null): Promise<EmployerView | null> {
    const rows: EmployerRow[] = await manager.query(
      'SELECT * FROM employer WHERE id = $1 AND ($2::uuid[] IS NULL OR structure_id = ANY($2))',
      [id, structures],
    );
    return rows.length > 0 ? toEmployer(rows[0]) : null;
  }

  /** Registers the employer; null when the structure already has one with this SIRET. */
  async create(
    manager: EntityManager,
    employer: {
      structureId: string;
      siret: string | null;
      name: string;
      sector: string | null;
      sizeBand: EmployerSizeBand | null;
      commune: { inseeCode: string; name: string };
      createdBy: string;
    },
  ): Promise<EmployerView | null> {
    const rows: EmployerRow[] = await manager.query(
      `INSERT INTO employer (structure_id, siret, name, sector, size_band, commune_insee, commune_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (structure_id, siret) WHERE siret IS NOT NULL DO NOTHING RETURNING *`,
      [
        employer.structureId,
        employer.siret,
        employer.name,
        employer.sector,
        employer.sizeBand,
        employer.commune.inseeCode,
        employer.commune.name,
        employer.createdBy,
      ],
    );
    return rows.length > 0 ? toEmployer(rows[0]) : null;
  }

  /** The employers of `structures` (null: all) whose name contains `q` or whose SIRET is `q`. */
  async list(manager: EntityManager, structures: readonly string[] | null, q: string | null): Promise<EmployerView[]> {
    const rows: EmployerRow[] = await manager.query(
      `SELECT * FROM employer WHERE ($1::uuid[] IS NULL OR structure_id = ANY($1))
         AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%' OR siret = $2)
       ORDER BY name, id LIMIT 200`,
      [structures, q],
    );
    return rows.map(toEmployer);
  }

  async addContact(
    manager: EntityManager,
    employerId: string,
    contact: { name: string; role: string | null; phone: string | null; email: string | null },
  ): Promise<{ id: string }> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer_contact (employer_id, name, role, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [employerId, contact.name, contact.role, contact.phone, contact.email],
    );
    return rows[0];
  }

  async isContactOf(manager: EntityManager, contactId: string, employerId: string): Promise<boolean> {
    const contacts: unknown[] = await manager.query(
      'SELECT 1 FROM employer_contact WHERE id = $1 AND employer_id = $2',
      [contactId, employerId],
    );
    return contacts.length > 0;
  }

  async logInteraction(
    manager: EntityManager,
    employerId: string,
    input: NewInteraction,
    authorId: string,
  ): Promise<{ id: string }> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer_interaction (employer_id, contact_id, kind, occurred_on, outcome, next_action, next_action_on, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        employerId,
        input.contactId ?? null,
        input.kind,
        input.occurredOn,
        input.outcome ?? null,
        input.nextAction ?? null,
        input.nextActionOn ?? null,
        authorId,
      ],
    );
    return rows[0];
  }

  /** The employer's page: contacts, interactions (newest first), job analyses. */
  async detail(
    manager: EntityManager,
    employerId: string,
  ): Promise<Pick<EmployerDetail, 'contacts' | 'interactions' | 'analyses'>> {
    const [contacts, interactions, analyses] = await Promise.all([
      manager.query<EmployerContact[]>(
        'SELECT id, name, role, phone, email FROM employer_contact WHERE employer_id = $1 ORDER BY name',
        [employerId],
      ),
      manager.query<EmployerInteraction[]>(
        `SELECT id, kind, occurred_on AS "occurredOn", outcome, next_action AS "nextAction",
           next_action_on AS "nextActionOn", next_action_done_at AS "nextActionDoneAt", author_id AS "authorId"
         FROM employer_interaction WHERE employer_id = $1 ORDER BY occurred_on DESC, created_at DESC`,
        [employerId],
      ),
      manager.query<JobAnalysisSummary[]>(
        `SELECT id, title, rome_code AS "romeCode", offer_id AS "offerId", analysed_on AS "analysedOn", status,
           negotiated_away AS "negotiatedAway" FROM job_analysis WHERE employer_id = $1
         ORDER BY analysed_on DESC, created_at DESC`,
        [employerId],
      ),
    ]);
    return { contacts, interactions, analyses };
  }

  /** The author's next actions not done, due by `until`. */
  dueActions(manager: EntityManager, authorId: string, until: string): Promise<DueAction[]> {
    return manager.query(
      `SELECT i.id, i.employer_id AS "employerId", e.name AS "employerName", i.next_action AS "nextAction",
         i.next_action_on AS "nextActionOn"
       FROM employer_interaction i JOIN employer e ON e.id = i.employer_id
       WHERE i.author_id = $1 AND i.next_action_done_at IS NULL AND i.next_action_on <= $2
       ORDER BY i.next_action_on, i.id`,
      [authorId, until],
    );
  }

  /** Marks the author's open next action done; false when there is none with this id. */
  async completeAction(manager: EntityManager, interactionId: string, authorId: string): Promise<boolean> {
    const updated: unknown[] = await updateReturning(
      manager,
      `UPDATE employer_interaction SET next_action_done_at = now()
       WHERE id = $1 AND author_id = $2 AND next_action_on IS NOT NULL AND next_action_done_at IS NULL RETURNING id`,
      [interactionId, authorId],
    );
    return updated.length > 0;
  }

  async addJobAnalysis(
    manager: EntityManager,
    employerId: string,
    input: NewJobAnalysis,
    offerId: string | null,
    userId: string,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO job_analysis (employer_id, title, rome_code, tasks, schedule, conditions, tools, initial_requirements,
         real_requirements, negotiated_away, public_transport, contract_type, working_time, offer_id, analysed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        employerId,
        input.title,
        input.romeCode ?? null,
        input.tasks,
        input.schedule ?? null,
        input.conditions ?? null,
        input.tools,
        input.initialRequirements,
        input.realRequirements,
        input.negotiatedAway,
        input.publicTransport ?? null,
        input.contractType,
        input.workingTime,
        offerId,
        input.analysedOn,
        userId,
      ],
    );
    return rows[0].id;
  }

  /** Is the offer captured by a job analysis (its employer on file)? */
  async hasJobAnalysis(manager: EntityManager, offerId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM job_analysis WHERE offer_id = $1', [offerId]);
    return rows.length > 0;
  }

  /**
   * The structure of the employer when it belongs to `structureId` or a structure above it (the
   * département's platform); null otherwise.
   */
  async structureWithin(manager: EntityManager, employerId: string, structureId: string): Promise<string | null> {
    const employers: Array<{ structure_id: string }> = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM identity_structure_v WHERE id = $2
         UNION SELECT s.id, s.parent_id FROM identity_structure_v s JOIN up ON s.id = up.parent_id
       ) SELECT e.structure_id FROM employer e WHERE e.id = $1 AND e.structure_id IN (SELECT id FROM up)`,
      [employerId, structureId],
    );
    return employers.at(0)?.structure_id ?? null;
  }

  /** The employers of the structure and those above it, nearest structure first, oldest first. */
  async knownFrom(manager: EntityManager, structureId: string): Promise<KnownEmployer[]> {
    return manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM identity_structure_v WHERE id = $1
         UNION SELECT s.id, s.parent_id, up.depth + 1 FROM identity_structure_v s JOIN up ON s.id = up.parent_id
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
