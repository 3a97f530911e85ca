import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { NeedFields } from '../domain/employer-need.js';
import {
  EmployerNeedStore,
  type NeedAcknowledgement,
  type NeedLinkRow,
  type NeedLinkView,
  type NeedRow,
  type PostedNeedState,
} from '../application/ports/employer-need-store.js';
import type { NewJobAnalysis } from '../application/ports/employer-store.js';

/** Need links (`employer_need_link`), needs (`employer_need`) and their draft job analyses. */
@Injectable()
export class SqlEmployerNeedStore extends EmployerNeedStore {
  async createLink(
    manager: EntityManager,
    link: { structureId: string; employerId: string | null; tokenHash: string; expiresAt: Date; createdBy: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer_need_link (structure_id, employer_id, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [link.structureId, link.employerId, link.tokenHash, link.expiresAt, link.createdBy],
    );
    return rows[0].id;
  }

  async linkByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<NeedLinkRow | null> {
    const rows: NeedLinkRow[] = await manager.query(
      `SELECT l.id, l.structure_id AS "structureId", s.name AS "structureName", l.employer_id AS "employerId",
         e.name AS "employerName", l.expires_at AS "expiresAt", l.revoked_at AS "revokedAt", l.created_by AS "createdBy"
       FROM employer_need_link l
       JOIN identity_structure_v s ON s.id = l.structure_id
       LEFT JOIN employer e ON e.id = l.employer_id
       WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [tokenHash],
    );
    return rows.at(0) ?? null;
  }

  async revokeLink(manager: EntityManager, id: string, structures: readonly string[] | null): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      manager,
      `UPDATE employer_need_link SET revoked_at = COALESCE(revoked_at, now())
       WHERE id = $1 AND ($2::uuid[] IS NULL OR structure_id = ANY($2)) RETURNING id`,
      [id, structures],
    );
    return rows.length > 0;
  }

  links(
    manager: EntityManager,
    employerId: string | null,
    structures: readonly string[] | null,
  ): Promise<NeedLinkView[]> {
    return manager.query(
      `SELECT id, employer_id AS "employerId", expires_at AS "expiresAt", revoked_at AS "revokedAt", created_at AS "createdAt"
       FROM employer_need_link
       WHERE employer_id IS NOT DISTINCT FROM $1 AND ($2::uuid[] IS NULL OR structure_id = ANY($2))
       ORDER BY created_at DESC, id LIMIT 50`,
      [employerId, structures],
    );
  }

  async employerBySiret(
    manager: EntityManager,
    structureId: string,
    siret: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows: Array<{ id: string; name: string }> = await manager.query(
      'SELECT id, name FROM employer WHERE structure_id = $1 AND siret = $2',
      [structureId, siret],
    );
    return rows.at(0) ?? null;
  }

  async receive(
    manager: EntityManager,
    need: {
      linkId: string;
      structureId: string;
      employerId: string;
      fields: NeedFields;
      draft: { title: string; schedule: string; conditions: string; analysedOn: string };
      receivedAt: Date;
      createdBy: string;
    },
  ): Promise<string> {
    const analyses: Array<{ id: string }> = await manager.query(
      `INSERT INTO job_analysis (employer_id, title, schedule, conditions, analysed_on, created_by, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft') RETURNING id`,
      [
        need.employerId,
        need.draft.title,
        need.draft.schedule,
        need.draft.conditions,
        need.draft.analysedOn,
        need.createdBy,
      ],
    );
    const { fields } = need;
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer_need (link_id, structure_id, employer_id, job_analysis_id, job_title, place, hours, start_on,
         contract_type, what_matters, contact_name, contact_email, contact_phone, siret, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        need.linkId,
        need.structureId,
        need.employerId,
        analyses[0].id,
        fields.jobTitle,
        fields.place,
        fields.hours,
        fields.startOn,
        fields.contractType,
        fields.whatMatters,
        fields.contactName,
        fields.contactEmail,
        fields.contactPhone,
        fields.siret,
        need.receivedAt,
      ],
    );
    return rows[0].id;
  }

  async postedThrough(manager: EntityManager, linkId: string): Promise<PostedNeedState[]> {
    const rows: Array<{ job_title: string; received_at: Date; qualified_at: Date | null; published: boolean }> =
      await manager.query(
        `SELECT n.job_title, n.received_at, n.qualified_at, (j.offer_id IS NOT NULL) AS published
         FROM employer_need n JOIN job_analysis j ON j.id = n.job_analysis_id
         WHERE n.link_id = $1 ORDER BY n.received_at DESC, n.id LIMIT 20`,
        [linkId],
      );
    return rows.map((row) => ({
      jobTitle: row.job_title,
      receivedAt: row.received_at,
      qualifiedAt: row.qualified_at,
      published: row.published,
    }));
  }

  async needOfAnalysis(manager: EntityManager, analysisId: string): Promise<NeedAcknowledgement | null> {
    const rows: NeedAcknowledgement[] = await manager.query(
      `SELECT id, structure_id AS "structureId", job_title AS "jobTitle", received_at AS "receivedAt",
         contact_name AS "contactName", contact_email AS "contactEmail"
       FROM employer_need WHERE job_analysis_id = $1`,
      [analysisId],
    );
    return rows.at(0) ?? null;
  }

  list(manager: EntityManager, structures: readonly string[] | null): Promise<NeedRow[]> {
    return manager.query(
      `SELECT n.id, n.employer_id AS "employerId", e.name AS "employerName", n.structure_id AS "structureId",
         (l.employer_id IS NULL) AS "viaPublicForm", n.siret, n.job_title AS "jobTitle", n.place, n.hours,
         n.start_on AS "startOn", n.contract_type AS "contractType", n.what_matters AS "whatMatters",
         n.contact_name AS "contactName", n.contact_email AS "contactEmail", n.contact_phone AS "contactPhone",
         n.received_at AS "receivedAt", n.job_analysis_id AS "jobAnalysisId", n.qualified_at AS "qualifiedAt",
         j.offer_id AS "offerId",
         (SELECT min(c.created_at) FROM introduction i JOIN card_link c ON c.introduction_id = i.id
           WHERE j.offer_id IS NOT NULL AND i.offer_id = j.offer_id) AS "firstCandidateAt"
       FROM employer_need n
       JOIN employer_need_link l ON l.id = n.link_id
       JOIN employer e ON e.id = n.employer_id
       JOIN job_analysis j ON j.id = n.job_analysis_id
       WHERE $1::uuid[] IS NULL OR n.structure_id = ANY($1)
       ORDER BY n.received_at DESC, n.id LIMIT 500`,
      [structures],
    );
  }

  async lockAnalysis(
    manager: EntityManager,
    employerId: string,
    analysisId: string,
  ): Promise<{ status: 'draft' | 'qualified' } | null> {
    const rows: Array<{ status: 'draft' | 'qualified' }> = await manager.query(
      'SELECT status FROM job_analysis WHERE id = $1 AND employer_id = $2 FOR UPDATE',
      [analysisId, employerId],
    );
    return rows.at(0) ?? null;
  }

  async qualifyAnalysis(
    manager: EntityManager,
    analysisId: string,
    input: NewJobAnalysis,
    offerId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE job_analysis SET status = 'qualified', title = $2, rome_code = $3, tasks = $4, schedule = $5,
         conditions = $6, tools = $7, initial_requirements = $8, real_requirements = $9, negotiated_away = $10,
         public_transport = $11, contract_type = $12, working_time = $13, offer_id = $14, analysed_on = $15
       WHERE id = $1`,
      [
        analysisId,
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
      ],
    );
  }

  async markQualified(manager: EntityManager, analysisId: string, userId: string, at: Date): Promise<void> {
    await manager.query('UPDATE employer_need SET qualified_at = $2, qualified_by = $3 WHERE job_analysis_id = $1', [
      analysisId,
      at,
      userId,
    ]);
  }
}
