import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { AppointmentKind } from '../domain/appointment.js';
import {
  type PersonAppointment,
  type SpaceCodeRow,
  type SpaceLinkRow,
  type SpaceLinkView,
  PersonSpaceStore,
} from '../application/ports/person-space-store.js';

/** Space links, devices and codes on PostgreSQL (`person_space_link`, `_device`, `_code`). */
@Injectable()
export class SqlPersonSpaceStore extends PersonSpaceStore {
  async insertLink(
    manager: EntityManager,
    link: { beneficiaryId: string; tokenHash: string; expiresAt: Date; createdBy: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO person_space_link (beneficiary_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [link.beneficiaryId, link.tokenHash, link.expiresAt, link.createdBy],
    );
    return rows[0].id;
  }

  async revokeLinks(manager: EntityManager, beneficiaryId: string): Promise<number> {
    const rows = await updateReturning<{ id: string }>(
      manager,
      `UPDATE person_space_link SET revoked_at = now() WHERE beneficiary_id = $1 AND revoked_at IS NULL
       AND expires_at > now() RETURNING id`,
      [beneficiaryId],
    );
    return rows.length;
  }

  async links(manager: EntityManager, beneficiaryId: string): Promise<SpaceLinkView[]> {
    const rows: Array<{
      id: string;
      created_at: Date;
      created_by: string;
      expires_at: Date;
      revoked_at: Date | null;
      devices: number;
      last_seen_at: Date | null;
    }> = await manager.query(
      `SELECT l.id, l.created_at, l.created_by, l.expires_at, l.revoked_at,
         count(d.id)::int AS devices, max(d.last_seen_at) AS last_seen_at
       FROM person_space_link l LEFT JOIN person_space_device d ON d.link_id = l.id
       WHERE l.beneficiary_id = $1 GROUP BY l.id ORDER BY l.created_at DESC LIMIT 50`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      createdBy: row.created_by,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      devices: row.devices,
      lastSeenAt: row.last_seen_at,
    }));
  }

  async personName(manager: EntityManager, beneficiaryId: string): Promise<string> {
    const rows: Array<{ first_name: string | null; last_name: string | null }> = await manager.query(
      'SELECT first_name, last_name FROM beneficiary WHERE id = $1 AND erased_at IS NULL',
      [beneficiaryId],
    );
    const row = rows.at(0);
    return row ? [row.first_name, row.last_name].filter(Boolean).join(' ') : '';
  }

  async linkByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<SpaceLinkRow | null> {
    const rows: Array<{
      id: string;
      beneficiary_id: string;
      expires_at: Date;
      revoked_at: Date | null;
      structure_id: string;
      referent_user_id: string | null;
      first_name: string | null;
      email: string | null;
      phone: string | null;
      followed: boolean;
    }> = await manager.query(
      `SELECT l.id, l.beneficiary_id, l.expires_at, l.revoked_at, b.structure_id, b.referent_user_id, b.first_name,
         b.email, b.phone, (b.status IN ('oriented', 'in_coaching') AND b.erased_at IS NULL) AS followed
       FROM person_space_link l JOIN beneficiary b ON b.id = l.beneficiary_id
       WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [tokenHash],
    );
    const row = rows.at(0);
    return row
      ? {
          id: row.id,
          beneficiaryId: row.beneficiary_id,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
          structureId: row.structure_id,
          referentUserId: row.referent_user_id,
          firstName: row.first_name,
          email: row.email,
          phone: row.phone,
          followed: row.followed,
        }
      : null;
  }

  async touchDevice(manager: EntityManager, linkId: string, deviceHash: string): Promise<string | null> {
    const rows = await updateReturning<{ id: string }>(
      manager,
      `UPDATE person_space_device SET last_seen_at = now() WHERE link_id = $1 AND device_hash = $2 RETURNING id`,
      [linkId, deviceHash],
    );
    return rows.at(0)?.id ?? null;
  }

  async deviceCount(manager: EntityManager, linkId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      'SELECT count(*)::int AS n FROM person_space_device WHERE link_id = $1',
      [linkId],
    );
    return rows[0].n;
  }

  async insertDevice(
    manager: EntityManager,
    linkId: string,
    deviceHash: string,
    admittedBy: 'first_opening' | 'code',
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      'INSERT INTO person_space_device (link_id, device_hash, admitted_by) VALUES ($1, $2, $3) RETURNING id',
      [linkId, deviceHash, admittedBy],
    );
    return rows[0].id;
  }

  async codesSince(manager: EntityManager, linkId: string, since: Date): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      'SELECT count(*)::int AS n FROM person_space_code WHERE link_id = $1 AND created_at >= $2',
      [linkId, since],
    );
    return rows[0].n;
  }

  async insertCode(manager: EntityManager, linkId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await manager.query('INSERT INTO person_space_code (link_id, code_hash, expires_at) VALUES ($1, $2, $3)', [
      linkId,
      codeHash,
      expiresAt,
    ]);
  }

  async latestCode(manager: EntityManager, linkId: string): Promise<SpaceCodeRow | null> {
    const rows: Array<{
      id: string;
      code_hash: string;
      expires_at: Date;
      failed_attempts: number;
      used_at: Date | null;
    }> = await manager.query(
      `SELECT id, code_hash, expires_at, failed_attempts, used_at FROM person_space_code
       WHERE link_id = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [linkId],
    );
    const row = rows.at(0);
    return row
      ? {
          id: row.id,
          codeHash: row.code_hash,
          expiresAt: row.expires_at,
          failedAttempts: row.failed_attempts,
          usedAt: row.used_at,
        }
      : null;
  }

  async failCode(manager: EntityManager, codeId: string): Promise<void> {
    await manager.query('UPDATE person_space_code SET failed_attempts = failed_attempts + 1 WHERE id = $1', [codeId]);
  }

  async useCode(manager: EntityManager, codeId: string): Promise<void> {
    await manager.query('UPDATE person_space_code SET used_at = now() WHERE id = $1', [codeId]);
  }

  async appointments(manager: EntityManager, beneficiaryId: string, now: Date): Promise<PersonAppointment[]> {
    const rows: AppointmentRow[] = await manager.query(
      `${PERSON_APPOINTMENTS} WHERE p.beneficiary_id = $1 AND a.cancelled_at IS NULL AND a.ends_at > $2
       ORDER BY a.starts_at, a.id LIMIT 20`,
      [beneficiaryId, now],
    );
    return rows.map(toAppointment);
  }

  async answerAppointment(
    manager: EntityManager,
    beneficiaryId: string,
    appointmentId: string,
    answer: { confirm: true } | { moveRequest: string },
    now: Date,
  ): Promise<PersonAppointment | null> {
    const set =
      'confirm' in answer
        ? 'confirmed_at = now(), move_request = NULL, move_requested_at = NULL'
        : 'move_request = $4, move_requested_at = now(), confirmed_at = NULL';
    const updated = await updateReturning<{ appointment_id: string }>(
      manager,
      `UPDATE appointment_participant p SET ${set} FROM appointment a
       WHERE a.id = p.appointment_id AND p.appointment_id = $1 AND p.beneficiary_id = $2
         AND a.cancelled_at IS NULL AND a.ends_at > $3
       RETURNING p.appointment_id`,
      'confirm' in answer
        ? [appointmentId, beneficiaryId, now]
        : [appointmentId, beneficiaryId, now, answer.moveRequest],
    );
    if (updated.length === 0) return null;
    const rows: AppointmentRow[] = await manager.query(
      `${PERSON_APPOINTMENTS} WHERE p.beneficiary_id = $1 AND p.appointment_id = $2`,
      [beneficiaryId, appointmentId],
    );
    return toAppointment(rows[0]);
  }
}

interface AppointmentRow {
  id: string;
  coach_user_id: string;
  kind: AppointmentKind;
  title: string | null;
  place: string | null;
  starts_at: Date;
  ends_at: Date;
  confirmed_at: Date | null;
  move_requested_at: Date | null;
  move_request: string | null;
}

const PERSON_APPOINTMENTS = `
  SELECT a.id, a.coach_user_id, a.kind, a.title, a.place, a.starts_at, a.ends_at,
    p.confirmed_at, p.move_requested_at, p.move_request
  FROM appointment_participant p JOIN appointment a ON a.id = p.appointment_id`;

function toAppointment(row: AppointmentRow): PersonAppointment {
  return {
    id: row.id,
    coachUserId: row.coach_user_id,
    kind: row.kind,
    title: row.title,
    place: row.place,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    confirmedAt: row.confirmed_at,
    moveRequestedAt: row.move_requested_at,
    moveRequest: row.move_request,
  };
}
