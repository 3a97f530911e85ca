import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BarrierInput } from '../domain/barrier.js';
import type { BarrierKind, BarrierStatus } from '../domain/coaching.js';
import { BarrierStore, type BarrierView } from '../application/ports/barrier-store.js';

/** Barriers (`barrier`) and the health notes kept apart from them (`health_note`). */
@Injectable()
export class SqlBarrierStore extends BarrierStore {
  /** `withHealth`: the reader is the referent coach, the only one who reads health notes. */
  override async list(manager: EntityManager, beneficiaryId: string, withHealth: boolean): Promise<BarrierView[]> {
    const rows: Array<{
      id: string;
      kind: BarrierKind;
      status: BarrierStatus;
      description: string | null;
      actions: string | null;
      note: string | null;
      created_at: Date;
      resolved_at: Date | null;
    }> = await manager.query(
      `SELECT r.*, ${withHealth ? 'h.note' : 'NULL AS note'} FROM barrier r
       LEFT JOIN health_note h ON h.barrier_id = r.id
       WHERE r.beneficiary_id = $1 ORDER BY r.created_at, r.id`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      description: row.description,
      actions: row.actions,
      ...(row.kind === 'health' ? { healthNote: row.note } : {}),
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
    }));
  }

  override async one(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    withHealth: boolean,
  ): Promise<BarrierView> {
    const all = await this.list(manager, beneficiaryId, withHealth);
    return all.find((barrier) => barrier.id === barrierId)!;
  }

  /** The kind of a barrier of this person, or null when they have no such barrier. */
  override async kindOf(manager: EntityManager, beneficiaryId: string, barrierId: string): Promise<BarrierKind | null> {
    const rows: Array<{ kind: BarrierKind }> = await manager.query(
      'SELECT kind FROM barrier WHERE id = $1 AND beneficiary_id = $2',
      [barrierId, beneficiaryId],
    );
    return rows.at(0)?.kind ?? null;
  }

  /** Inserts the barrier (a health barrier keeps no description) and returns its id. */
  override async insert(manager: EntityManager, beneficiaryId: string, input: BarrierInput): Promise<string> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO barrier (beneficiary_id, kind, status, description, actions, resolved_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'resolved' THEN now() END) RETURNING id`,
      [
        beneficiaryId,
        input.kind,
        input.status,
        input.kind === 'health' ? null : (input.description ?? null),
        input.actions ?? null,
      ],
    );
    return inserted[0].id;
  }

  /** Changes what is given; `resolved_at` follows the status (set on resolving, cleared on reopening). */
  override async update(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    changes: Partial<BarrierInput>,
  ): Promise<void> {
    await manager.query(
      `UPDATE barrier SET status = coalesce($3, status),
         description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         actions = CASE WHEN $6::boolean THEN $7 ELSE actions END,
         resolved_at = CASE WHEN $3 = 'resolved' AND status <> 'resolved' THEN now()
                            WHEN $3 IS NOT NULL AND $3 <> 'resolved' THEN NULL ELSE resolved_at END,
         updated_at = now()
       WHERE id = $1 AND beneficiary_id = $2`,
      [
        barrierId,
        beneficiaryId,
        changes.status ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.actions !== undefined,
        changes.actions ?? null,
      ],
    );
  }

  override async addHealthNote(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    note: string,
    userId: string,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO health_note (barrier_id, beneficiary_id, note, written_by) VALUES ($1, $2, $3, $4)',
      [barrierId, beneficiaryId, note, userId],
    );
  }

  override async writeHealthNote(
    manager: EntityManager,
    beneficiaryId: string,
    barrierId: string,
    note: string,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO health_note (barrier_id, beneficiary_id, note, written_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (barrier_id) DO UPDATE SET note = $3, written_by = $4, updated_at = now()`,
      [barrierId, beneficiaryId, note, userId],
    );
  }

  override async deleteHealthNote(manager: EntityManager, barrierId: string): Promise<void> {
    await manager.query('DELETE FROM health_note WHERE barrier_id = $1', [barrierId]);
  }
}
