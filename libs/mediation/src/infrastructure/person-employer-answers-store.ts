import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployerAnswer } from '../domain/employer.js';
import type { RefusalReason } from '../domain/shortlist.js';
import {
  type ExportedEmployerAnswer,
  type ExportedEmployerExchange,
  PersonEmployerAnswersStore,
} from '../application/ports/person-employer-answers-store.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

@Injectable()
export class SqlPersonEmployerAnswersStore extends PersonEmployerAnswersStore {
  async answers(manager: EntityManager, beneficiaryId: string): Promise<ExportedEmployerAnswer[]> {
    const rows: Array<{
      at: Date;
      details: { answer?: EmployerAnswer; message?: unknown; proposedInterview?: unknown; shortlistId?: unknown };
      refusal_reason: RefusalReason | null;
      employer_name: string;
      offer_title: string | null;
    }> = await manager.query(
      `SELECT e.at, e.details, e.refusal_reason, emp.name AS employer_name, o.title AS offer_title
       FROM introduction_event e
       JOIN introduction n ON n.id = e.introduction_id
       JOIN employer emp ON emp.id = n.employer_id
       LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       WHERE n.beneficiary_id = $1 AND e.kind = 'answered' AND e.details ? 'answer'
       ORDER BY e.at, e.id`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      via: row.details.shortlistId ? 'shortlist' : 'card_link',
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      answeredAt: row.at,
      answer: row.details.answer!,
      refusalReason: row.refusal_reason,
      proposedInterview: text(row.details.proposedInterview),
      message: text(row.details.message),
    }));
  }

  async exchanges(manager: EntityManager, beneficiaryId: string): Promise<ExportedEmployerExchange[]> {
    const rows: Array<{
      author_kind: 'employer' | 'user';
      body: string;
      created_at: Date;
      employer_name: string;
      offer_title: string | null;
    }> = await manager.query(
      `SELECT m.author_kind, m.body, m.created_at, emp.name AS employer_name, o.title AS offer_title
       FROM shortlist_message m
       JOIN shortlist_entry se ON se.id = m.entry_id
       JOIN introduction n ON n.id = se.introduction_id
       JOIN employer emp ON emp.id = n.employer_id
       LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       WHERE n.beneficiary_id = $1
       ORDER BY m.created_at, m.id`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      from: row.author_kind === 'employer' ? 'employer' : 'service',
      body: row.body,
      at: row.created_at,
    }));
  }
}
