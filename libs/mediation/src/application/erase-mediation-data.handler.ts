import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BeneficiaryErased, type BeneficiaryErasedHandler, ErasureHandlers } from '@passerelle/coaching';
import { Mailer } from '@passerelle/core';

/**
 * Mediation's share of an erasure: the candidate card and what was written about the person (the
 * interview place, the employer's answers and the viewer's address in the introduction's history,
 * the mediator's request and the coach's reason), the links (revoked), the notifications about the
 * person's introductions and requests, and the copies of the e-mails sent about them. What the
 * indicators and the 48-hour report count stays: the introductions, their statuses, dates and
 * history of moves, the requests and their decisions.
 */
@Injectable()
export class EraseMediationData implements BeneficiaryErasedHandler, OnModuleInit {
  readonly name = 'mediation';

  constructor(
    private readonly handlers: ErasureHandlers,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async erase(manager: EntityManager, event: BeneficiaryErased): Promise<void> {
    const id = event.beneficiaryId;
    await manager.query(
      `UPDATE introduction SET card = NULL, interview_place = NULL, decline_reason = NULL WHERE beneficiary_id = $1`,
      [id],
    );
    await manager.query(
      `UPDATE introduction_event SET details = '{}'::jsonb
       WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1) AND details <> '{}'::jsonb`,
      [id],
    );
    await manager.query(
      `UPDATE card_link SET revoked_at = coalesce(revoked_at, now())
       WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)`,
      [id],
    );
    await manager.query(
      'UPDATE candidate_request SET message = NULL, decline_reason = NULL WHERE beneficiary_id = $1',
      [id],
    );
    await manager.query(
      `DELETE FROM user_notification WHERE (subject_type = 'introduction'
         AND subject_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1))
         OR (subject_type = 'candidate_request' AND subject_id IN (SELECT id FROM candidate_request WHERE beneficiary_id = $1))`,
      [id],
    );
    // Files outside the transaction: removed before it commits, so the event stays pending until they are gone.
    await this.mailer.forgetAbout(id);
  }
}
