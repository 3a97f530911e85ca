import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { type ProposalAnswer, ProposalStore, type ProposalView } from '../application/ports/proposal-store.js';

/** Offers proposed to a person (`offer_proposal`), newest first, with what the offer says now. */
@Injectable()
export class SqlProposalStore extends ProposalStore {
  override async list(manager: EntityManager, beneficiaryId: string): Promise<ProposalView[]> {
    const rows: Array<{
      offer_id: string;
      title: string;
      employer_name: string | null;
      commune_name: string;
      status: string;
      score: number | null;
      proposed_by: string;
      proposed_at: Date;
      explanation: string[];
      answer: ProposalAnswer | null;
      answer_reason: string | null;
      answered_at: Date | null;
    }> = await manager.query(
      `SELECT p.offer_id, o.title, o.employer_name, COALESCE(o.commune_name, o.place_label) AS commune_name, o.status, p.score, p.proposed_by, p.proposed_at,
         p.explanation, p.answer, p.answer_reason, p.answered_at
       FROM offer_proposal p JOIN offers_offer_v o ON o.id = p.offer_id
       WHERE p.beneficiary_id = $1 ORDER BY p.proposed_at DESC`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      offerId: row.offer_id,
      title: row.title,
      employerName: row.employer_name,
      communeName: row.commune_name,
      offerStatus: row.status,
      score: row.score,
      proposedBy: row.proposed_by,
      proposedAt: row.proposed_at,
      explanation: row.explanation,
      answer: row.answer,
      answerReason: row.answer_reason,
      answeredAt: row.answered_at,
    }));
  }

  /** The offers proposed to the person so far. */
  override async offerIds(manager: EntityManager, beneficiaryId: string): Promise<Set<string>> {
    const rows: Array<{ offer_id: string }> = await manager.query(
      'SELECT offer_id FROM offer_proposal WHERE beneficiary_id = $1',
      [beneficiaryId],
    );
    return new Set(rows.map((row) => row.offer_id));
  }

  /** The status of the offer to propose, or null when there is no such offer. */
  override async offerStatus(manager: EntityManager, offerId: string): Promise<string | null> {
    const offers: Array<{ status: string }> = await manager.query('SELECT status FROM offers_offer_v WHERE id = $1', [
      offerId,
    ]);
    return offers.at(0)?.status ?? null;
  }

  /** Records the proposal; false when this offer was already proposed to the person. */
  override async insert(
    manager: EntityManager,
    proposal: {
      beneficiaryId: string;
      offerId: string;
      score: number | null;
      proposedBy: string;
      explanation?: readonly string[];
    },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO offer_proposal (beneficiary_id, offer_id, score, proposed_by, explanation)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (beneficiary_id, offer_id) DO NOTHING RETURNING id`,
      [
        proposal.beneficiaryId,
        proposal.offerId,
        proposal.score,
        proposal.proposedBy,
        JSON.stringify(proposal.explanation ?? []),
      ],
    );
    return inserted.length > 0;
  }

  override async answer(
    manager: EntityManager,
    beneficiaryId: string,
    offerId: string,
    answer: ProposalAnswer,
    reason: string | null,
  ): Promise<{ title: string; proposedBy: string } | null> {
    const rows = await updateReturning<{ title: string; proposed_by: string }>(
      manager,
      `UPDATE offer_proposal p SET answer = $3, answer_reason = $4, answered_at = now()
       FROM offers_offer_v o WHERE o.id = p.offer_id AND p.beneficiary_id = $1 AND p.offer_id = $2
       RETURNING o.title, p.proposed_by`,
      [beneficiaryId, offerId, answer, reason],
    );
    const row = rows.at(0);
    return row ? { title: row.title, proposedBy: row.proposed_by } : null;
  }
}
