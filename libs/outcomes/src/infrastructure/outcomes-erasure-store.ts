import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutcomesErasureStore } from '../application/ports/outcomes-erasure-store.js';

/**
 * Outcomes' tables cleared of a person (the caller's transaction): the employer's name typed for a
 * job found alone, the employer's view and the note of each checkpoint, the employer's message
 * on each follow-up link (and the links in force stop opening). The notifications of the
 * person's checkpoints are coaching's inbox's: withdrawn through its door (`notificationSubjects`).
 */
const ERASE_STATEMENTS = [
  `UPDATE placement SET employer_name = '' WHERE beneficiary_id = $1 AND employer_name <> ''`,
  'UPDATE follow_up SET employer_view = NULL, note = NULL WHERE beneficiary_id = $1',
  `UPDATE follow_up_employer_link SET remark = NULL,
     revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, created_by)
   WHERE follow_up_id IN (SELECT id FROM follow_up WHERE beneficiary_id = $1)`,
];

@Injectable()
export class SqlOutcomesErasureStore extends OutcomesErasureStore {
  async erase(manager: EntityManager, beneficiaryId: string): Promise<void> {
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [beneficiaryId]);
  }

  /** What notifications about the person are about: their checkpoints. */
  async notificationSubjects(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ subjectType: string; subjectId: string }>> {
    return manager.query(
      `SELECT 'follow_up' AS "subjectType", id AS "subjectId" FROM follow_up WHERE beneficiary_id = $1`,
      [beneficiaryId],
    );
  }
}
