import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { AppointmentKind } from '../domain/appointment.js';
import type { FeedEvent } from '../domain/ics.js';
import { CalendarFeedStore } from '../application/ports/calendar-feed-store.js';

/** ICS subscriptions on PostgreSQL. */
@Injectable()
export class SqlCalendarFeedStore extends CalendarFeedStore {
  /**
   * In the caller's transaction. Two replacements for one coach at once (a double click, a retry)
   * are taken in turn: otherwise both revoke the same old row and both insert a live one, and the
   * second breaks the one-live-feed index (a 500 the API fuzz test found).
   */
  override async replace(manager: EntityManager, coachUserId: string, tokenHash: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('calendar_feed:' || $1))`, [coachUserId]);
    await manager.query('UPDATE calendar_feed SET revoked_at = now() WHERE coach_user_id = $1 AND revoked_at IS NULL', [
      coachUserId,
    ]);
    await manager.query('INSERT INTO calendar_feed (coach_user_id, token_hash) VALUES ($1, $2)', [
      coachUserId,
      tokenHash,
    ]);
  }

  override async revoke(manager: EntityManager, coachUserId: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await updateReturning(
      manager,
      'UPDATE calendar_feed SET revoked_at = now() WHERE coach_user_id = $1 AND revoked_at IS NULL RETURNING id',
      [coachUserId],
    );
    return rows.length > 0;
  }

  override async coachOf(manager: EntityManager, tokenHash: string): Promise<string | null> {
    const rows: Array<{ coach_user_id: string }> = await manager.query(
      'SELECT coach_user_id FROM calendar_feed WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return rows.at(0)?.coach_user_id ?? null;
  }

  override async isLive(manager: EntityManager, coachUserId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM calendar_feed WHERE coach_user_id = $1 AND revoked_at IS NULL',
      [coachUserId],
    );
    return rows.length > 0;
  }

  override async events(
    manager: EntityManager,
    coachUserId: string,
    from: Date,
    to: Date,
  ): Promise<Array<FeedEvent & { readonly subjects: ReadonlyArray<{ id: string; structureId: string }> }>> {
    const rows: Array<{
      id: string;
      kind: AppointmentKind;
      title: string | null;
      place: string | null;
      starts_at: Date;
      ends_at: Date;
      cancelled_at: Date | null;
      updated_at: Date;
      people: Array<{ id: string; structure_id: string; first_name: string | null; last_name: string | null }>;
    }> = await manager.query(
      `SELECT a.id, a.kind, a.title, a.place, a.starts_at, a.ends_at, a.cancelled_at, a.updated_at,
         coalesce(json_agg(json_build_object('id', b.id, 'structure_id', b.structure_id,
           'first_name', b.first_name, 'last_name', b.last_name) ORDER BY b.last_name, b.first_name)
           FILTER (WHERE b.id IS NOT NULL), '[]') AS people
       FROM appointment a
       LEFT JOIN appointment_participant p ON p.appointment_id = a.id
       LEFT JOIN beneficiary b ON b.id = p.beneficiary_id
       WHERE a.coach_user_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
       GROUP BY a.id ORDER BY a.starts_at, a.id LIMIT 2000`,
      [coachUserId, from, to],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      place: row.place,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      cancelled: row.cancelled_at !== null,
      updatedAt: row.updated_at,
      people: row.people.map((person) => ({ firstName: person.first_name, lastName: person.last_name })),
      subjects: row.people.map((person) => ({ id: person.id, structureId: person.structure_id })),
    }));
  }
}
