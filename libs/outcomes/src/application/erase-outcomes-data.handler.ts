import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BeneficiaryErased, type BeneficiaryErasedHandler, ErasureHandlers } from '@passerelle/coaching';

/**
 * Outcomes' share of an erasure: the words (the employer's name typed for a job found alone, which
 * may be a private person's, the employer's view and the note of each checkpoint) and the
 * notifications of the person's checkpoints. The facts the indicators count stay: contract,
 * duration, hours, dates, durability, aid, end reason, and each checkpoint's in-job, RSA-exit and
 * difficulties answers.
 */
@Injectable()
export class EraseOutcomesData implements BeneficiaryErasedHandler, OnModuleInit {
  readonly name = 'outcomes';

  constructor(private readonly handlers: ErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async erase(manager: EntityManager, event: BeneficiaryErased): Promise<void> {
    const id = event.beneficiaryId;
    await manager.query(`UPDATE placement SET employer_name = '' WHERE beneficiary_id = $1 AND employer_name <> ''`, [
      id,
    ]);
    await manager.query('UPDATE follow_up SET employer_view = NULL, note = NULL WHERE beneficiary_id = $1', [id]);
    await manager.query(
      `DELETE FROM user_notification WHERE subject_type = 'follow_up'
         AND subject_id IN (SELECT id FROM follow_up WHERE beneficiary_id = $1)`,
      [id],
    );
  }
}
