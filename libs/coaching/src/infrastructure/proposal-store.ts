import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProposalStore, type ProposalView } from '../application/ports/proposal-store.js';

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
    }> = await manager.query(
      `SELECT p.offer_id, o.title, o.employer_name, COALESCE(o.commune_name, o.place_label) AS commune_name, o.status, p.score, p.proposed_by, p.proposed_at
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
    proposal: { beneficiaryId: string; offerId: string; score: number | null; proposedBy: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO offer_proposal (beneficiary_id, offer_id, score, proposed_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (beneficiary_id, offer_id) DO NOTHING RETURNING id`,
      [proposal.beneficiaryId, proposal.offerId, proposal.score, proposal.proposedBy],
    );
    return inserted.length > 0;
  }
}
