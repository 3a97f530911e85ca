import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { AidDecision, AidKind, EventKind } from '../domain/coaching.js';
import type { NewEvent } from '../domain/journal.js';
import { type EventView, JournalStore } from '../application/ports/journal-store.js';

/** The journal of contacts and actions (`coaching_event`); a deleted entry stays, marked, and is not listed. */
@Injectable()
export class SqlJournalStore extends JournalStore {
  override async list(manager: EntityManager, beneficiaryId: string): Promise<EventView[]> {
    const rows: Array<{
      id: string;
      kind: EventKind;
      occurred_on: string;
      note: string | null;
      collective: boolean;
      aid_kind: AidKind | null;
      aid_amount: string | null;
      aid_decision: AidDecision | null;
      author_id: string;
    }> = await manager.query(
      `SELECT * FROM coaching_event WHERE beneficiary_id = $1 AND deleted_at IS NULL
       ORDER BY occurred_on DESC, created_at DESC`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occurredOn: row.occurred_on,
      note: row.note,
      collective: row.collective,
      aid: row.aid_kind
        ? {
            kind: row.aid_kind,
            amount: row.aid_amount === null ? null : Number(row.aid_amount),
            decision: row.aid_decision ?? 'pending',
          }
        : null,
      authorId: row.author_id,
    }));
  }

  override async one(manager: EntityManager, beneficiaryId: string, eventId: string): Promise<EventView> {
    return (await this.list(manager, beneficiaryId)).find((event) => event.id === eventId)!;
  }

  override async insert(
    manager: EntityManager,
    beneficiaryId: string,
    input: NewEvent,
    authorId: string,
  ): Promise<string> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO coaching_event (beneficiary_id, kind, occurred_on, note, collective, aid_kind, aid_amount, aid_decision, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        beneficiaryId,
        input.kind,
        input.occurredOn,
        input.note ?? null,
        input.collective ?? false,
        input.aid?.kind ?? null,
        input.aid?.amount ?? null,
        input.aid ? (input.aid.decision ?? 'pending') : null,
        authorId,
      ],
    );
    return inserted[0].id;
  }

  /** A live entry of the person, locked until the transaction ends, or null. */
  override async lock(
    manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
  ): Promise<{ authorId: string; kind: EventKind; aidDecision: AidDecision | null } | null> {
    const rows: Array<{ author_id: string; kind: EventKind; aid_decision: AidDecision | null }> = await manager.query(
      `SELECT author_id, kind, aid_decision FROM coaching_event
       WHERE id = $1 AND beneficiary_id = $2 AND deleted_at IS NULL FOR UPDATE`,
      [eventId, beneficiaryId],
    );
    const row = rows.at(0);
    return row ? { authorId: row.author_id, kind: row.kind, aidDecision: row.aid_decision } : null;
  }

  /** Marks the entry deleted (who, when) and returns when. */
  override async markDeleted(
    manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
    userId: string,
  ): Promise<Date> {
    const updated: Array<{ deleted_at: Date }> = await updateReturning(
      manager,
      `UPDATE coaching_event SET deleted_at = now(), deleted_by = $3 WHERE id = $1 AND beneficiary_id = $2
       RETURNING deleted_at`,
      [eventId, beneficiaryId, userId],
    );
    return updated[0].deleted_at;
  }

  /** Records the decision on a live aid request (the amount kept when none is given); false when there is no such request. */
  override async decideAid(
    manager: EntityManager,
    beneficiaryId: string,
    eventId: string,
    decision: AidDecision,
    amount: number | null,
  ): Promise<boolean> {
    const updated: Array<{ id: string }> = await updateReturning(
      manager,
      `UPDATE coaching_event SET aid_decision = $3, aid_amount = coalesce($4, aid_amount)
       WHERE id = $1 AND beneficiary_id = $2 AND kind = 'aid_request' AND deleted_at IS NULL RETURNING id`,
      [eventId, beneficiaryId, decision, amount],
    );
    return updated.length > 0;
  }
}
