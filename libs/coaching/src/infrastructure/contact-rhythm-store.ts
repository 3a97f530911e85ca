import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTIVE_STATUSES, CONTACT_KINDS } from '../domain/coaching.js';
import { type ContactRhythm, RHYTHM_MAX_PERIOD_DAYS } from '../domain/contact-rhythm.js';
import {
  ContactRhythmStore,
  type RhythmFact,
  type RhythmFactFilter,
  type RhythmSettingRow,
} from '../application/ports/contact-rhythm-store.js';

/**
 * Each structure's rhythm: its own, else its nearest parent's (`depth` 0 is the structure itself).
 * A CTE named `effective_rhythm` (structure_id, contacts, period_days).
 */
const EFFECTIVE_RHYTHM = `
  up AS (
    SELECT s.id AS structure_id, s.id AS at_id, s.parent_id, 0 AS depth FROM identity_structure_v s
    UNION ALL
    SELECT up.structure_id, p.id, p.parent_id, up.depth + 1 FROM up JOIN identity_structure_v p ON p.id = up.parent_id
  ), effective_rhythm AS (
    SELECT DISTINCT ON (up.structure_id) up.structure_id, r.contacts, r.period_days
    FROM up JOIN contact_rhythm r ON r.structure_id = up.at_id ORDER BY up.structure_id, up.depth
  )`;

const rhythmOf = (contacts: number | null, periodDays: number | null): ContactRhythm | null =>
  contacts === null || periodDays === null ? null : { contacts, periodDays };

/** The contact rhythms on PostgreSQL; the structures' tree read through identity's published view. */
@Injectable()
export class SqlContactRhythmStore extends ContactRhythmStore {
  override async settings(manager: EntityManager, structureIds: readonly string[] | null): Promise<RhythmSettingRow[]> {
    const rows: Array<{
      id: string;
      name: string;
      parent_id: string | null;
      own_contacts: number | null;
      own_period_days: number | null;
      contacts: number | null;
      period_days: number | null;
      updated_at: Date | null;
    }> = await manager.query(
      `WITH RECURSIVE ${EFFECTIVE_RHYTHM}
       SELECT s.id, s.name, s.parent_id, r.contacts AS own_contacts, r.period_days AS own_period_days, r.updated_at,
         e.contacts, e.period_days
       FROM identity_structure_v s
       LEFT JOIN contact_rhythm r ON r.structure_id = s.id
       LEFT JOIN effective_rhythm e ON e.structure_id = s.id
       WHERE $1::uuid[] IS NULL OR s.id = ANY($1)
       ORDER BY s.name, s.id`,
      [structureIds === null ? null : [...structureIds]],
    );
    return rows.map((row) => ({
      structureId: row.id,
      structureName: row.name,
      parentId: row.parent_id,
      own: rhythmOf(row.own_contacts, row.own_period_days),
      effective: rhythmOf(row.contacts, row.period_days),
      updatedAt: row.updated_at,
    }));
  }

  override async set(
    manager: EntityManager,
    structureId: string,
    rhythm: ContactRhythm,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO contact_rhythm (structure_id, contacts, period_days, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (structure_id) DO UPDATE SET contacts = $2, period_days = $3, updated_by = $4, updated_at = now()`,
      [structureId, rhythm.contacts, rhythm.periodDays, userId],
    );
  }

  override async clear(manager: EntityManager, structureId: string): Promise<boolean> {
    const deleted: Array<{ structure_id: string }> = await manager.query(
      'DELETE FROM contact_rhythm WHERE structure_id = $1 RETURNING structure_id',
      [structureId],
    );
    return deleted.length > 0;
  }

  override async facts(manager: EntityManager, filter: RhythmFactFilter, today: string): Promise<RhythmFact[]> {
    const condition = 'scope' in filter ? filter.scope : { sql: 'b.id = $5', params: [filter.beneficiaryId] };
    const rows: Array<{
      id: string;
      structure_id: string;
      referent_user_id: string | null;
      referent_name: string | null;
      first_name: string | null;
      last_name: string | null;
      followed_since: string;
      contacts: number;
      period_days: number;
      contact_dates: string[];
    }> = await manager.query(
      `WITH RECURSIVE ${EFFECTIVE_RHYTHM}
       SELECT b.id, b.structure_id, b.referent_user_id, b.first_name, b.last_name, r.contacts, r.period_days,
         (SELECT u.display_name FROM identity_user_v u WHERE u.id = b.referent_user_id) AS referent_name,
         to_char(greatest(b.orientation_date, coalesce((SELECT a.started_at::date FROM beneficiary_assignment a
           WHERE a.beneficiary_id = b.id AND a.ended_at IS NULL), b.orientation_date)), 'YYYY-MM-DD') AS followed_since,
         array(SELECT to_char(e.occurred_on, 'YYYY-MM-DD') FROM coaching_event e
           WHERE e.beneficiary_id = b.id AND e.kind = ANY($3) AND e.deleted_at IS NULL
             AND e.occurred_on > $1::date - $2::int AND e.occurred_on <= $1::date
           ORDER BY e.occurred_on) AS contact_dates
       FROM beneficiary b JOIN effective_rhythm r ON r.structure_id = b.structure_id
       WHERE b.erased_at IS NULL AND b.status = ANY($4) AND (${condition.sql})`,
      [today, RHYTHM_MAX_PERIOD_DAYS, [...CONTACT_KINDS], [...ACTIVE_STATUSES], ...condition.params],
    );
    return rows.map((row) => ({
      beneficiaryId: row.id,
      structureId: row.structure_id,
      referentUserId: row.referent_user_id,
      referentName: row.referent_name,
      firstName: row.first_name,
      lastName: row.last_name,
      followedSince: row.followed_since,
      rhythm: { contacts: row.contacts, periodDays: row.period_days },
      contactDates: row.contact_dates,
    }));
  }
}
