import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewCer } from '../domain/cer.js';
import type { CerOutcome } from '../domain/coaching.js';
import { CerStore, type CerView } from '../application/ports/cer-store.js';

/** The CERs of a person (`cer`), oldest first. */
@Injectable()
export class SqlCerStore extends CerStore {
  override async list(manager: EntityManager, beneficiaryId: string): Promise<CerView[]> {
    const rows: Array<{
      id: string;
      signed_on: string;
      start_date: string;
      duration_months: number;
      end_date: string;
      beneficiary_commitments: string[];
      service_commitments: string[];
      outcome: CerOutcome | null;
      outcome_on: string | null;
    }> = await manager.query('SELECT * FROM cer WHERE beneficiary_id = $1 ORDER BY start_date, created_at', [
      beneficiaryId,
    ]);
    return rows.map((row) => ({
      id: row.id,
      signedOn: row.signed_on,
      startDate: row.start_date,
      durationMonths: row.duration_months,
      endDate: row.end_date,
      beneficiaryCommitments: row.beneficiary_commitments,
      serviceCommitments: row.service_commitments,
      outcome: row.outcome,
      outcomeOn: row.outcome_on,
    }));
  }

  /** The id of the CER running now (no outcome yet), if any. */
  override async running(manager: EntityManager, beneficiaryId: string): Promise<string | null> {
    const open: Array<{ id: string }> = await manager.query(
      'SELECT id FROM cer WHERE beneficiary_id = $1 AND outcome IS NULL',
      [beneficiaryId],
    );
    return open.at(0)?.id ?? null;
  }

  /** One CER of the person, locked until the transaction ends; dates as `YYYY-MM-DD`. */
  override async lock(
    manager: EntityManager,
    beneficiaryId: string,
    cerId: string,
  ): Promise<{ startDate: string; endDate: string; outcome: string | null } | null> {
    const rows: Array<{ start_date: string; end_date: string; outcome: string | null }> = await manager.query(
      "SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, outcome FROM cer WHERE id = $1 AND beneficiary_id = $2 FOR UPDATE",
      [cerId, beneficiaryId],
    );
    const cer = rows.at(0);
    return cer ? { startDate: cer.start_date, endDate: cer.end_date, outcome: cer.outcome } : null;
  }

  override async insert(
    manager: EntityManager,
    beneficiaryId: string,
    input: NewCer & { readonly durationMonths: number; readonly endDate: string },
    userId: string,
  ): Promise<CerView> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO cer (beneficiary_id, signed_on, start_date, duration_months, end_date, beneficiary_commitments,
         service_commitments, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        beneficiaryId,
        input.signedOn,
        input.startDate,
        input.durationMonths,
        input.endDate,
        input.beneficiaryCommitments,
        input.serviceCommitments,
        userId,
      ],
    );
    return (await this.list(manager, beneficiaryId)).find((cer) => cer.id === inserted[0].id)!;
  }

  override async recordOutcome(manager: EntityManager, cerId: string, outcome: CerOutcome, on: string): Promise<void> {
    await manager.query('UPDATE cer SET outcome = $2, outcome_on = $3 WHERE id = $1', [cerId, outcome, on]);
  }

  /** Closes the running CER, if any, with the outcome the closure of the coaching gives it. */
  override async closeRunning(
    manager: EntityManager,
    beneficiaryId: string,
    outcome: CerOutcome,
    on: string,
  ): Promise<void> {
    await manager.query(`UPDATE cer SET outcome = $2, outcome_on = $3 WHERE beneficiary_id = $1 AND outcome IS NULL`, [
      beneficiaryId,
      outcome,
      on,
    ]);
  }
}
