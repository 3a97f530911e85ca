import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CardValidationStore, type PersonCardRow } from '../application/ports/card-validation-store.js';
import type { CandidateCard } from '../domain/candidate-card.js';
import type { IntroductionStatus } from '../domain/introduction.js';
import type { CardDecision, CardValidation } from '../domain/card-validation.js';

interface ValidationRow {
  decision: CardDecision;
  card_version: string;
  comment: string | null;
  decided_at: Date;
}

const toValidation = (row: ValidationRow): CardValidation => ({
  decision: row.decision,
  cardVersion: row.card_version,
  comment: row.comment,
  decidedAt: row.decided_at,
});

@Injectable()
export class SqlCardValidationStore extends CardValidationStore {
  async latest(manager: EntityManager, introductionId: string): Promise<CardValidation | null> {
    const rows: ValidationRow[] = await manager.query(
      `SELECT decision, card_version, comment, decided_at FROM card_validation
       WHERE introduction_id = $1 ORDER BY decided_at DESC, id LIMIT 1`,
      [introductionId],
    );
    const row = rows.at(0);
    return row ? toValidation(row) : null;
  }

  async personCards(manager: EntityManager, beneficiaryId: string, introductionId?: string): Promise<PersonCardRow[]> {
    const rows: Array<{
      id: string;
      status: IntroductionStatus;
      card: CandidateCard;
      employer_name: string;
      offer_title: string | null;
      decision: CardValidation['decision'] | null;
      card_version: string | null;
      comment: string | null;
      decided_at: Date | null;
    }> = await manager.query(
      `SELECT n.id, n.status, n.card, e.name AS employer_name, o.title AS offer_title,
         v.decision, v.card_version, v.comment, v.decided_at
       FROM introduction n JOIN employer e ON e.id = n.employer_id
       LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       LEFT JOIN LATERAL (SELECT decision, card_version, comment, decided_at FROM card_validation
         WHERE introduction_id = n.id ORDER BY decided_at DESC, id LIMIT 1) v ON true
       WHERE n.beneficiary_id = $1 AND n.card IS NOT NULL AND n.status NOT IN ('declined', 'withdrawn', 'hired')
         ${introductionId ? 'AND n.id = $2' : ''}
       ORDER BY n.created_at DESC LIMIT 20 ${introductionId ? 'FOR UPDATE OF n' : ''}`,
      introductionId ? [beneficiaryId, introductionId] : [beneficiaryId],
    );
    return rows.map((row) => ({
      introductionId: row.id,
      status: row.status,
      card: row.card,
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      latest:
        row.decision && row.card_version && row.decided_at
          ? { decision: row.decision, cardVersion: row.card_version, comment: row.comment, decidedAt: row.decided_at }
          : null,
    }));
  }

  async insert(
    manager: EntityManager,
    introductionId: string,
    validation: { decision: CardDecision; cardVersion: string; comment: string | null },
  ): Promise<CardValidation> {
    const rows: ValidationRow[] = await manager.query(
      `INSERT INTO card_validation (introduction_id, card_version, decision, comment) VALUES ($1, $2, $3, $4)
       RETURNING decision, card_version, comment, decided_at`,
      [introductionId, validation.cardVersion, validation.decision, validation.comment],
    );
    return toValidation(rows[0]);
  }
}
