import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MediationErasureStore } from '../application/ports/mediation-erasure-store.js';

/**
 * Mediation's tables cleared of a person (the caller's transaction): the candidate card and what
 * was written about them (the interview place, the employer's answers and the viewer's address in
 * the introduction's history, what an employer wrote about them on a shortlist and its replies,
 * the mediator's request and the coach's reason), the links (revoked)
 * and (through coaching's inbox, which owns them) the notifications about their introductions and
 * requests, and their PMSMP conventions (deleted: the indicators do not read them). The introductions, their statuses, dates and history of moves, the requests and their
 * decisions stay (the indicators count them).
 */
const ERASE_STATEMENTS = [
  'DELETE FROM pmsmp_convention WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)',
  `UPDATE introduction SET card = NULL, interview_place = NULL, decline_reason = NULL WHERE beneficiary_id = $1`,
  `UPDATE introduction_event SET details = '{}'::jsonb
   WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1) AND details <> '{}'::jsonb`,
  `UPDATE card_link SET revoked_at = coalesce(revoked_at, now())
   WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)`,
  'UPDATE candidate_request SET message = NULL, decline_reason = NULL WHERE beneficiary_id = $1',
  `UPDATE shortlist_entry SET proposed_slot = NULL, free_text = NULL
   WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)`,
  `DELETE FROM shortlist_message WHERE entry_id IN
   (SELECT se.id FROM shortlist_entry se JOIN introduction n ON n.id = se.introduction_id WHERE n.beneficiary_id = $1)`,
  // The card is gone, so are the person's validations of it and their comments.
  'DELETE FROM card_validation WHERE introduction_id IN (SELECT id FROM introduction WHERE beneficiary_id = $1)',
];

@Injectable()
export class SqlMediationErasureStore extends MediationErasureStore {
  async erase(manager: EntityManager, beneficiaryId: string): Promise<void> {
    for (const statement of ERASE_STATEMENTS) await manager.query(statement, [beneficiaryId]);
  }

  /** What notifications about the person are about: their introductions and the requests about them. */
  async notificationSubjects(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ subjectType: string; subjectId: string }>> {
    return manager.query(
      `SELECT 'introduction' AS "subjectType", id AS "subjectId" FROM introduction WHERE beneficiary_id = $1
       UNION ALL
       SELECT 'candidate_request', id FROM candidate_request WHERE beneficiary_id = $1`,
      [beneficiaryId],
    );
  }
}
