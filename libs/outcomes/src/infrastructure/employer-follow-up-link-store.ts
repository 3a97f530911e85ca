import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { employerFacingStaffName } from '@passerelle/mediation';
import type { EmployerFollowUpAnswer, EmployerLinkState } from '../domain/employer-follow-up.js';
import type { Milestone, PlacementEndReason } from '../domain/outcomes.js';
import {
  EmployerFollowUpLinkStore,
  type EmployerLinkRow,
  type EmployerLinkView,
  type NewEmployerLink,
} from '../application/ports/employer-follow-up-link-store.js';

interface LinkRecord {
  id: string;
  follow_up_id: string;
  beneficiary_id: string;
  structure_id: string;
  first_name: string | null;
  last_name: string | null;
  erased: boolean;
  milestone: Milestone;
  placement_id: string;
  employer_name: string;
  start_date: string;
  job_label: string;
  assignee_user_id: string | null;
  referent_user_id: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  first_opened_at: Date | null;
  answered_at: Date | null;
  in_job: boolean | null;
  end_date: string | null;
  end_reason: PlacementEndReason | null;
  remark: string | null;
}

const stateOf = (row: { first_opened_at: Date | null; answered_at: Date | null }): EmployerLinkState =>
  row.answered_at ? 'answered' : row.first_opened_at ? 'opened' : 'sent';

/** The employers' follow-up links, with their checkpoint, person and placement. */
@Injectable()
export class SqlEmployerFollowUpLinkStore extends EmployerFollowUpLinkStore {
  async insert(manager: EntityManager, link: NewEmployerLink): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO follow_up_employer_link
         (follow_up_id, token_hash, contact_id, contact_name, contact_email, job_label, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        link.followUpId,
        link.tokenHash,
        link.contactId,
        link.contactName,
        link.contactEmail,
        link.jobLabel,
        link.expiresAt,
        link.createdBy,
      ],
    );
    return rows[0].id;
  }

  async byTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<EmployerLinkRow | null> {
    const rows: LinkRecord[] = await manager.query(
      `SELECT l.*, f.beneficiary_id, f.milestone, f.assignee_user_id, f.placement_id,
          b.structure_id, b.first_name, b.last_name, b.referent_user_id, b.erased_at IS NOT NULL AS erased,
          p.employer_name, p.start_date
       FROM follow_up_employer_link l
       JOIN follow_up f ON f.id = l.follow_up_id
       JOIN placement p ON p.id = f.placement_id
       JOIN coaching_beneficiary_v b ON b.id = f.beneficiary_id
       WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [tokenHash],
    );
    const row = rows.at(0);
    if (!row) return null;
    return {
      id: row.id,
      followUpId: row.follow_up_id,
      beneficiaryId: row.beneficiary_id,
      structureId: row.structure_id,
      firstName: row.first_name,
      lastName: row.last_name,
      erased: row.erased,
      milestone: row.milestone,
      placementId: row.placement_id,
      employerName: row.employer_name,
      startDate: row.start_date,
      jobLabel: row.job_label,
      assigneeUserId: row.assignee_user_id,
      referentUserId: row.referent_user_id,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      firstOpenedAt: row.first_opened_at,
      answeredAt: row.answered_at,
      answer:
        row.answered_at && row.in_job !== null
          ? { inJob: row.in_job, endDate: row.end_date, endReason: row.end_reason, remark: row.remark }
          : null,
    };
  }

  async markOpened(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      'UPDATE follow_up_employer_link SET first_opened_at = now() WHERE id = $1 AND first_opened_at IS NULL',
      [id],
    );
  }

  async answer(manager: EntityManager, id: string, answer: EmployerFollowUpAnswer): Promise<void> {
    await updateReturning(
      manager,
      `UPDATE follow_up_employer_link SET answered_at = now(), first_opened_at = coalesce(first_opened_at, now()),
         in_job = $2, end_date = $3, end_reason = $4, remark = $5
       WHERE id = $1 AND answered_at IS NULL RETURNING id`,
      [id, answer.inJob, answer.endDate, answer.endReason, answer.remark],
    );
  }

  async answered(manager: EntityManager, followUpId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM follow_up_employer_link WHERE follow_up_id = $1 AND answered_at IS NOT NULL',
      [followUpId],
    );
    return rows.length > 0;
  }

  async list(manager: EntityManager, followUpId: string): Promise<EmployerLinkView[]> {
    const rows: Array<{
      id: string;
      contact_name: string;
      contact_email: string;
      created_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      first_opened_at: Date | null;
      answered_at: Date | null;
    }> = await manager.query(
      `SELECT id, contact_name, contact_email, created_at, expires_at, revoked_at, first_opened_at, answered_at
       FROM follow_up_employer_link WHERE follow_up_id = $1 ORDER BY created_at DESC, id LIMIT 50`,
      [followUpId],
    );
    return rows.map((row) => ({
      id: row.id,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      state: stateOf(row),
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      openedAt: row.first_opened_at,
      answeredAt: row.answered_at,
    }));
  }

  async revoke(manager: EntityManager, followUpId: string, id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      manager,
      `UPDATE follow_up_employer_link SET revoked_at = now(), revoked_by = $3
       WHERE id = $2 AND follow_up_id = $1 AND revoked_at IS NULL RETURNING id`,
      [followUpId, id, userId],
    );
    return rows.length > 0;
  }

  async userNames(manager: EntityManager, ids: readonly string[]): Promise<Array<string | null>> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; display_name: string; email: string }> = await manager.query(
      'SELECT id, display_name, email FROM identity_user_v WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return ids.flatMap((id) =>
      rows.filter((row) => row.id === id).map((row) => employerFacingStaffName(row.display_name, row.email)),
    );
  }
}
