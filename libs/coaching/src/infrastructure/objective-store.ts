import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { ObjectiveInput, ObjectiveStatus, ObjectiveStep } from '../domain/objective.js';
import { ObjectiveStore, type ObjectiveView } from '../application/ports/objective-store.js';

interface ObjectiveRow {
  id: string;
  title: string;
  status: ObjectiveStatus;
  due_on: string | null;
  barrier_id: string | null;
  cer_id: string | null;
  commitment: string | null;
  steps: ObjectiveStep[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, title, status, to_char(due_on, 'YYYY-MM-DD') AS due_on, barrier_id, cer_id, commitment, steps,
  created_at, updated_at`;

const view = (row: ObjectiveRow): ObjectiveView => ({
  id: row.id,
  title: row.title,
  status: row.status,
  dueOn: row.due_on,
  barrierId: row.barrier_id,
  cerId: row.cer_id,
  commitment: row.commitment,
  steps: row.steps,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Steps as stored: only the known keys, in order. */
const stepsJson = (steps: readonly ObjectiveStep[]): string =>
  JSON.stringify(steps.map((step) => ({ label: step.label.trim(), dueOn: step.dueOn, doneOn: step.doneOn })));

/** The action plan on PostgreSQL (`objective`, the steps as JSON). */
@Injectable()
export class SqlObjectiveStore extends ObjectiveStore {
  override async list(manager: EntityManager, beneficiaryId: string): Promise<ObjectiveView[]> {
    const rows: ObjectiveRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM objective WHERE beneficiary_id = $1 ORDER BY created_at, id`,
      [beneficiaryId],
    );
    return rows.map(view);
  }

  override async one(
    manager: EntityManager,
    beneficiaryId: string,
    objectiveId: string,
  ): Promise<ObjectiveView | null> {
    const rows: ObjectiveRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM objective WHERE beneficiary_id = $1 AND id = $2`,
      [beneficiaryId, objectiveId],
    );
    return rows[0] ? view(rows[0]) : null;
  }

  override async insert(
    manager: EntityManager,
    beneficiaryId: string,
    input: ObjectiveInput,
    userId: string,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO objective (beneficiary_id, title, status, due_on, barrier_id, cer_id, commitment, steps, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
      [
        beneficiaryId,
        input.title.trim(),
        input.status,
        input.dueOn,
        input.barrierId,
        input.cerId,
        input.commitment,
        stepsJson(input.steps),
        userId,
      ],
    );
    return rows[0].id;
  }

  override async update(
    manager: EntityManager,
    beneficiaryId: string,
    objectiveId: string,
    input: ObjectiveInput,
  ): Promise<boolean> {
    const rows: Array<{ id: string }> = await updateReturning(
      manager,
      `UPDATE objective SET title = $3, status = $4, due_on = $5, barrier_id = $6, cer_id = $7, commitment = $8,
         steps = $9::jsonb, updated_at = now()
       WHERE beneficiary_id = $1 AND id = $2 RETURNING id`,
      [
        beneficiaryId,
        objectiveId,
        input.title.trim(),
        input.status,
        input.dueOn,
        input.barrierId,
        input.cerId,
        input.commitment,
        stepsJson(input.steps),
      ],
    );
    return rows.length > 0;
  }
}
