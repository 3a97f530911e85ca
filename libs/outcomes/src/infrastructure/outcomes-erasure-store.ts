import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutcomesErasureStore } from '../application/ports/outcomes-erasure-store.js';

/**
 * Outcomes' tables cleared of a person (the caller's transaction): the employer's name typed for a
 * job found alone, the employer's view and the note of each checkpoint, and the notifications of the
 * person's checkpoints.
 */
const ERASE_STATEMENTS = [
  `UPDATE placement SET employer_name = '' WHERE beneficiary_id = $1 AND employer_name <> ''`,
  'UPDATE follow_up SET employer_view = NULL, note = NULL WHERE beneficiary_id = $1',
  `DELETE FROM user_notification WHERE subject_type = 'follow_up'
     AND subject_id IN (SELECT id FROM follow_up WHERE beneficiary_id = $1)`,
];

@Injectable()
export class SqlOutcomesErasureStore extends OutcomesErasureStore {
  async erase(manager: EntityManager, beneficiaryId: string): Promise<void> {
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [beneficiaryId]);
  }
}
