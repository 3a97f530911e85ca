import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { Milestone, PlacementContract, PlacementEndReason, PlacementFoundBy } from '../domain/outcomes.js';
import { type PlacementRow, PlacementStore, type PlacementView } from '../application/ports/placement-store.js';

/**
 * Placements: a job started, created from a hired introduction or recorded directly (a job found
 * alone counts too). Each one schedules its M+1, M+3 and M+6 checkpoints.
 */
interface CheckpointRow {
  id: string;
  milestone: Milestone;
  due_on: string;
  answered_at: Date | null;
}

function toView(row: PlacementRow, checkpoints: readonly CheckpointRow[]): PlacementView {
  const num = (value: string | null): number | null => (value === null ? null : Number(value));
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    introductionId: row.introduction_id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    foundBy: row.found_by,
    contractType: row.contract_type,
    contractMonths: num(row.contract_months),
    weeklyHours: num(row.weekly_hours),
    startDate: row.start_date,
    durable: row.durable,
    aidAmount: num(row.aid_amount),
    endDate: row.end_date,
    endReason: row.end_reason,
    checkpoints: checkpoints.map((checkpoint) => ({
      id: checkpoint.id,
      milestone: checkpoint.milestone,
      dueOn: checkpoint.due_on,
      answeredAt: checkpoint.answered_at,
    })),
  };
}

/** Placements (`placement`) and their checkpoints (`follow_up` of kind `placement`). */
@Injectable()
export class SqlPlacementStore extends PlacementStore {
  /** The new placement's id; null when the introduction already has its placement. */
  async insert(
    manager: EntityManager,
    placement: {
      beneficiaryId: string;
      introductionId: string | null;
      employerId: string | null;
      employerName: string;
      foundBy: PlacementFoundBy;
      contractType: PlacementContract;
      contractMonths: number | null;
      weeklyHours: number | null;
      startDate: string;
      durable: boolean;
      aidAmount: number | null;
      createdBy: string;
    },
  ): Promise<string | null> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO placement (beneficiary_id, introduction_id, employer_id, employer_name, found_by, contract_type,
         contract_months, weekly_hours, start_date, durable, aid_amount, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (introduction_id) DO NOTHING RETURNING id`,
      [
        placement.beneficiaryId,
        placement.introductionId,
        placement.employerId,
        placement.employerName,
        placement.foundBy,
        placement.contractType,
        placement.contractMonths,
        placement.weeklyHours,
        placement.startDate,
        placement.durable,
        placement.aidAmount,
        placement.createdBy,
      ],
    );
    return inserted.at(0)?.id ?? null;
  }

  async addCheckpoint(
    manager: EntityManager,
    checkpoint: {
      beneficiaryId: string;
      placementId: string;
      milestone: Milestone;
      dueOn: string;
      assigneeUserId: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO follow_up (beneficiary_id, kind, placement_id, milestone, due_on, assignee_user_id)
       VALUES ($1, 'placement', $2, $3, $4, $5)`,
      [
        checkpoint.beneficiaryId,
        checkpoint.placementId,
        checkpoint.milestone,
        checkpoint.dueOn,
        checkpoint.assigneeUserId,
      ],
    );
  }

  async end(manager: EntityManager, id: string, endDate: string, reason: PlacementEndReason): Promise<void> {
    await updateReturning(manager, 'UPDATE placement SET end_date = $2, end_reason = $3 WHERE id = $1 RETURNING id', [
      id,
      endDate,
      reason,
    ]);
  }

  /** The person (not erased), locked until the transaction ends. */
  async lockPerson(manager: EntityManager, beneficiaryId: string): Promise<{ id: string; structureId: string } | null> {
    const rows: Array<{ id: string; structure_id: string }> = await manager.query(
      'SELECT id, structure_id FROM coaching_beneficiary_v WHERE id = $1 AND erased_at IS NULL FOR UPDATE',
      [beneficiaryId],
    );
    const row = rows.at(0);
    return row ? { id: row.id, structureId: row.structure_id } : null;
  }

  /** The placement of a person not erased, locked, with who may change it (referent, author). */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<(PlacementRow & { referent_user_id: string | null; created_by: string }) | null> {
    const rows: Array<PlacementRow & { referent_user_id: string | null; created_by: string }> = await manager.query(
      `SELECT p.*, b.referent_user_id FROM placement p JOIN coaching_beneficiary_v b ON b.id = p.beneficiary_id
       WHERE p.id = $1 AND b.erased_at IS NULL FOR UPDATE OF p`,
      [id],
    );
    return rows.at(0) ?? null;
  }

  async view(manager: EntityManager, id: string): Promise<PlacementView> {
    const rows: PlacementRow[] = await manager.query('SELECT * FROM placement WHERE id = $1', [id]);
    return toView(rows[0], (await this.checkpoints(manager, [id])).get(id) ?? []);
  }

  /** The person's placements, oldest first; two queries whatever their number (the rows, then all checkpoints). */
  async ofPerson(manager: EntityManager, beneficiaryId: string): Promise<PlacementView[]> {
    const rows: PlacementRow[] = await manager.query(
      'SELECT * FROM placement WHERE beneficiary_id = $1 ORDER BY start_date, id',
      [beneficiaryId],
    );
    const checkpoints = await this.checkpoints(
      manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toView(row, checkpoints.get(row.id) ?? []));
  }

  /** The checkpoints of these placements, by placement, in date order. */
  private async checkpoints(manager: EntityManager, ids: readonly string[]): Promise<Map<string, CheckpointRow[]>> {
    const rows: Array<CheckpointRow & { placement_id: string }> = await manager.query(
      `SELECT placement_id, id, milestone, due_on, answered_at FROM follow_up
       WHERE placement_id = ANY($1::uuid[]) ORDER BY due_on`,
      [[...ids]],
    );
    const byPlacement = new Map<string, CheckpointRow[]>();
    for (const row of rows) byPlacement.set(row.placement_id, [...(byPlacement.get(row.placement_id) ?? []), row]);
    return byPlacement;
  }
}
