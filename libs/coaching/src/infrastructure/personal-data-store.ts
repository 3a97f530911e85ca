import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataStore, type RetentionCandidate } from '../application/ports/personal-data-store.js';

/**
 * Coaching's own tables; the anonymous facts stay (the indicators count them). The other contexts
 * erase theirs from the `BeneficiaryErased` event recorded with these statements.
 */
const ERASE_STATEMENTS = [
  `UPDATE beneficiary SET first_name = NULL, last_name = NULL, birth_date = NULL, email = NULL, phone = NULL,
     address = NULL, commune_insee = NULL, commune_name = NULL, postal_code = NULL, reoriented_to = NULL,
     erased_at = now(), updated_at = now() WHERE id = $1`,
  'UPDATE beneficiary_assignment SET reason = NULL WHERE beneficiary_id = $1',
  'DELETE FROM diagnostic WHERE beneficiary_id = $1',
  'DELETE FROM health_note WHERE beneficiary_id = $1',
  'UPDATE barrier SET description = NULL, actions = NULL WHERE beneficiary_id = $1',
  `UPDATE cer SET beneficiary_commitments = '{}', service_commitments = '{}' WHERE beneficiary_id = $1`,
  'UPDATE coaching_event SET note = NULL WHERE beneficiary_id = $1',
  'DELETE FROM objective WHERE beneficiary_id = $1',
  'DELETE FROM consent WHERE beneficiary_id = $1',
  `DELETE FROM user_notification WHERE subject_type = 'beneficiary' AND subject_id = $1`,
  // The person's space: closed (its devices and codes go with the links), their own words cleared.
  'DELETE FROM person_space_link WHERE beneficiary_id = $1',
  'UPDATE offer_proposal SET answer_reason = NULL WHERE beneficiary_id = $1 AND answer_reason IS NOT NULL',
  `UPDATE appointment_participant SET move_request = NULL, move_requested_at = NULL
   WHERE beneficiary_id = $1 AND move_request IS NOT NULL`,
];

/**
 * The date a file's retention period runs from: the end of coaching, or for a file never closed
 * its last sign of activity in coaching's own records (reads are not activity). Dates in Paris.
 */
const RETENTION_CLOCK = `
  SELECT b.id, b.structure_id, b.referent_user_id, b.ended_on IS NULL AS inactive,
    coalesce(b.ended_on, greatest(
      b.orientation_date,
      (b.updated_at AT TIME ZONE 'Europe/Paris')::date,
      (SELECT max(e.occurred_on) FROM coaching_event e WHERE e.beneficiary_id = b.id),
      (SELECT max(greatest(c.signed_on, c.outcome_on)) FROM cer c WHERE c.beneficiary_id = b.id),
      (SELECT max((x.updated_at AT TIME ZONE 'Europe/Paris')::date) FROM barrier x WHERE x.beneficiary_id = b.id),
      (SELECT (d.updated_at AT TIME ZONE 'Europe/Paris')::date FROM diagnostic d WHERE d.beneficiary_id = b.id),
      (SELECT max((p.proposed_at AT TIME ZONE 'Europe/Paris')::date) FROM offer_proposal p WHERE p.beneficiary_id = b.id),
      (SELECT max((greatest(k.granted_at, k.revoked_at) AT TIME ZONE 'Europe/Paris')::date)
         FROM consent k WHERE k.beneficiary_id = b.id)
    )) AS since
  FROM beneficiary b WHERE b.erased_at IS NULL`;

/** What personal-data rights read and clear across coaching's tables. */
@Injectable()
export class SqlPersonalDataStore extends PersonalDataStore {
  /** Who accessed the person's file, when and how (the audit log rows about them), oldest first. */
  override async accessLog(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ occurredAt: Date; actorUserId: string; action: string; details: Record<string, unknown> }>> {
    const rows: Array<{ occurred_at: Date; actor_user_id: string; action: string; details: Record<string, unknown> }> =
      await manager.query(
        `SELECT occurred_at, actor_user_id, action, details FROM identity_audit_trail_v
         WHERE subject_type = 'beneficiary' AND subject_id = $1 ORDER BY occurred_at, id`,
        [beneficiaryId],
      );
    return rows.map((row) => ({
      occurredAt: row.occurred_at,
      actorUserId: row.actor_user_id,
      action: row.action,
      details: row.details,
    }));
  }

  /** Clears the person's personal fields and free text in coaching's tables (the caller's transaction). */
  override async erase(manager: EntityManager, beneficiaryId: string): Promise<void> {
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [beneficiaryId]);
  }

  /** Files whose retention period has started on or before `noticeCutoff`, oldest first. */
  override async retentionCandidates(
    manager: EntityManager,
    noticeCutoff: string,
    today: string,
  ): Promise<RetentionCandidate[]> {
    const rows: Array<{
      id: string;
      structure_id: string;
      referent_user_id: string | null;
      since: string;
      inactive: boolean;
      noticed: boolean;
    }> = await manager.query(
      `WITH clock AS (${RETENTION_CLOCK})
       SELECT c.id, c.structure_id, c.referent_user_id, c.inactive, to_char(c.since, 'YYYY-MM-DD') AS since,
         EXISTS (SELECT 1 FROM user_notification n WHERE n.kind = 'retention_notice' AND n.subject_id = c.id
           AND n.user_id = c.referent_user_id AND n.due_on <= $2) AS noticed
       FROM clock c WHERE c.since <= $1 ORDER BY c.since, c.id`,
      [noticeCutoff, today],
    );
    return rows.map((row) => ({
      id: row.id,
      structureId: row.structure_id,
      referentUserId: row.referent_user_id,
      since: row.since,
      inactive: row.inactive,
      noticed: row.noticed,
    }));
  }

  /**
   * Locks the file and tells whether it is still due (its period started on or before `cutoff`): a
   * contact recorded since the list was read keeps the file.
   */
  override async lockIfStillDue(manager: EntityManager, beneficiaryId: string, cutoff: string): Promise<boolean> {
    await manager.query('SELECT 1 FROM beneficiary WHERE id = $1 FOR UPDATE', [beneficiaryId]);
    const still: unknown[] = await manager.query(
      `WITH clock AS (${RETENTION_CLOCK}) SELECT 1 FROM clock WHERE id = $1 AND since <= $2`,
      [beneficiaryId, cutoff],
    );
    return still.length > 0;
  }
}
