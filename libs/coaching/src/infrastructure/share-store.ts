import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { NewShare, SharedPart } from '../domain/file-share.js';
import {
  type ReceivedShare,
  ShareStore,
  type ShareRecipient,
  type ShareView,
} from '../application/ports/share-store.js';

/** In force: not revoked, not past its last day, the consent in force, the file not erased. */
const IN_FORCE = `s.revoked_at IS NULL AND s.ends_on >= $2::date AND b.erased_at IS NULL
  AND EXISTS (SELECT 1 FROM consent c WHERE c.beneficiary_id = s.beneficiary_id
              AND c.purpose = 'share_file_with_professionals' AND c.revoked_at IS NULL)`;

interface ReceivedRow {
  id: string;
  beneficiary_id: string;
  structure_id: string;
  first_name: string | null;
  last_name: string | null;
  granted_by_name: string;
  parts: SharedPart[];
  health_note_visible: boolean;
  ends_on: string;
}

const RECEIVED_SELECT = `SELECT s.id, s.beneficiary_id, b.structure_id, b.first_name, b.last_name, s.parts,
    s.health_note_visible, to_char(s.ends_on, 'YYYY-MM-DD') AS ends_on, g.display_name AS granted_by_name
  FROM beneficiary_share s
  JOIN beneficiary b ON b.id = s.beneficiary_id
  JOIN identity_user_v g ON g.id = s.granted_by`;

function toReceived(row: ReceivedRow): ReceivedShare {
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    structureId: row.structure_id,
    firstName: row.first_name,
    lastName: row.last_name,
    grantedByName: row.granted_by_name,
    parts: row.parts,
    healthNoteVisible: row.health_note_visible,
    endsOn: row.ends_on,
  };
}

/** ShareStore on PostgreSQL. */
/**
 * `territory_down`: the structures of the département of the user `$1`: the nearest structure of
 * kind `departement` above the user's structure (itself included), or the tree's root when there is
 * none, and every structure below it but another département's.
 */
const SAME_DEPARTEMENT = `WITH RECURSIVE territory_up AS (
    SELECT s.id, s.parent_id, s.kind, 0 AS depth FROM identity_structure_v s
    WHERE s.id = (SELECT structure_id FROM identity_user_v WHERE id = $1)
    UNION ALL
    SELECT p.id, p.parent_id, p.kind, up.depth + 1 FROM territory_up up JOIN identity_structure_v p ON p.id = up.parent_id
  ),
  territory AS (
    SELECT id FROM territory_up
    ORDER BY kind = 'departement' DESC, CASE WHEN kind = 'departement' THEN depth ELSE -depth END LIMIT 1
  ),
  territory_down AS (
    SELECT id FROM territory
    UNION ALL
    SELECT c.id FROM identity_structure_v c JOIN territory_down d ON c.parent_id = d.id WHERE c.kind <> 'departement'
  )`;

@Injectable()
export class SqlShareStore extends ShareStore {
  override async insert(
    manager: EntityManager,
    beneficiaryId: string,
    grantedBy: string,
    share: NewShare,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO beneficiary_share (beneficiary_id, recipient_user_id, granted_by, parts, health_note_visible, ends_on)
       VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING id`,
      [beneficiaryId, share.recipientUserId, grantedBy, share.parts, share.healthNoteVisible, share.endsOn],
    );
    return rows[0].id;
  }

  override async list(manager: EntityManager, beneficiaryId: string): Promise<ShareView[]> {
    const rows: Array<{
      id: string;
      recipient_user_id: string;
      recipient_name: string;
      granted_by: string;
      granted_by_name: string;
      parts: SharedPart[];
      health_note_visible: boolean;
      ends_on: string;
      created_at: Date;
      revoked_at: Date | null;
      revoked_by: string | null;
    }> = await manager.query(
      `SELECT s.id, s.recipient_user_id, r.display_name AS recipient_name, s.granted_by,
         g.display_name AS granted_by_name, s.parts, s.health_note_visible,
         to_char(s.ends_on, 'YYYY-MM-DD') AS ends_on, s.created_at, s.revoked_at, s.revoked_by
       FROM beneficiary_share s
       JOIN identity_user_v r ON r.id = s.recipient_user_id
       JOIN identity_user_v g ON g.id = s.granted_by
       WHERE s.beneficiary_id = $1 ORDER BY s.created_at DESC, s.id`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      id: row.id,
      recipientUserId: row.recipient_user_id,
      recipientName: row.recipient_name,
      grantedBy: row.granted_by,
      grantedByName: row.granted_by_name,
      parts: row.parts,
      healthNoteVisible: row.health_note_visible,
      endsOn: row.ends_on,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
    }));
  }

  override async revoke(
    manager: EntityManager,
    beneficiaryId: string,
    shareId: string,
    userId: string,
  ): Promise<boolean> {
    const updated: unknown[] = await updateReturning(
      manager,
      `UPDATE beneficiary_share SET revoked_at = now(), revoked_by = $3
       WHERE id = $1 AND beneficiary_id = $2 AND revoked_at IS NULL RETURNING id`,
      [shareId, beneficiaryId, userId],
    );
    return updated.length > 0;
  }

  override async inForce(
    manager: EntityManager,
    beneficiaryId: string,
    recipientUserId: string,
    today: string,
  ): Promise<ReceivedShare | null> {
    const rows: ReceivedRow[] = await manager.query(
      `${RECEIVED_SELECT} WHERE s.recipient_user_id = $1 AND ${IN_FORCE} AND s.beneficiary_id = $3
       ORDER BY s.created_at DESC LIMIT 1`,
      [recipientUserId, today, beneficiaryId],
    );
    const row = rows.at(0);
    return row ? toReceived(row) : null;
  }

  override async received(manager: EntityManager, recipientUserId: string, today: string): Promise<ReceivedShare[]> {
    const rows: ReceivedRow[] = await manager.query(
      `${RECEIVED_SELECT} WHERE s.recipient_user_id = $1 AND ${IN_FORCE}
       ORDER BY s.ends_on, b.last_name, b.first_name, s.id`,
      [recipientUserId, today],
    );
    return rows.map(toReceived);
  }

  override async recipientStanding(
    manager: EntityManager,
    userId: string,
    referentUserId: string,
  ): Promise<'coach' | 'other_departement' | 'not_a_coach'> {
    const rows: Array<{ same: boolean }> = await manager.query(
      `${SAME_DEPARTEMENT}
       SELECT u.structure_id IN (SELECT id FROM territory_down) AS same FROM identity_user_v u
       WHERE u.id = $2 AND u.status = 'active' AND 'coach' = ANY (u.roles)`,
      [referentUserId, userId],
    );
    const row = rows.at(0);
    return !row ? 'not_a_coach' : row.same ? 'coach' : 'other_departement';
  }

  override async recipients(manager: EntityManager, sharerUserId: string): Promise<ShareRecipient[]> {
    const rows: Array<{ id: string; display_name: string; structure_name: string }> = await manager.query(
      `${SAME_DEPARTEMENT}
       SELECT u.id, u.display_name, st.name AS structure_name
       FROM identity_user_v u JOIN identity_structure_v st ON st.id = u.structure_id
       WHERE u.status = 'active' AND 'coach' = ANY (u.roles) AND u.id <> $1
         AND u.structure_id IN (SELECT id FROM territory_down)
       ORDER BY u.display_name, u.id`,
      [sharerUserId],
    );
    return rows.map((row) => ({ userId: row.id, displayName: row.display_name, structureName: row.structure_name }));
  }
}
