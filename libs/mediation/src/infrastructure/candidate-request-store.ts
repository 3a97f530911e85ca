import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { installationSecret, updateReturning } from '@passerelle/core';
import {
  CandidateRequestStore,
  type CandidateRequestStatus,
  type OfferSummary,
  type PeopleScope,
  type RequestRow,
} from '../application/ports/candidate-request-store.js';

type Scope = PeopleScope;

const PSEUDONYM_KEY = 'mediation.pseudonym_key';

const REQUEST_SELECT = (scope: string): string => `
  SELECT r.*, o.title AS offer_title, b.first_name, b.last_name, u.display_name AS requested_by_name,
    (${scope}) AS in_scope
  FROM candidate_request r JOIN offers_offer_v o ON o.id = r.offer_id JOIN coaching_beneficiary_v b ON b.id = r.beneficiary_id
  JOIN identity_user_v u ON u.id = r.requested_by`;

/** Requests asking a coach to propose one of their people for an offer (`candidate_request`). */
@Injectable()
export class SqlCandidateRequestStore extends CandidateRequestStore {
  async ofOffer(
    manager: EntityManager,
    offerId: string,
  ): Promise<Array<{ id: string; beneficiary_id: string; status: CandidateRequestStatus; created_at: Date }>> {
    return manager.query('SELECT id, beneficiary_id, status, created_at FROM candidate_request WHERE offer_id = $1', [
      offerId,
    ]);
  }

  /** The people in coaching the requester may ask about (`scope`, placeholders from 1). */
  async askable(
    manager: EntityManager,
    scope: Scope,
  ): Promise<Array<{ id: string; referent_user_id: string | null; structure_id: string }>> {
    return manager.query(
      `SELECT b.id, b.referent_user_id, b.structure_id FROM coaching_beneficiary_v b
       WHERE b.erased_at IS NULL AND b.status IN ('oriented', 'in_coaching') AND (${scope.sql})`,
      scope.params,
    );
  }

  /** The new request's id; null when this person was already asked for this offer. */
  async insert(
    manager: EntityManager,
    request: { offerId: string; beneficiaryId: string; requestedBy: string; message: string | null },
  ): Promise<string | null> {
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO candidate_request (offer_id, beneficiary_id, requested_by, message) VALUES ($1, $2, $3, $4)
       ON CONFLICT (offer_id, beneficiary_id) DO NOTHING RETURNING id`,
      [request.offerId, request.beneficiaryId, request.requestedBy, request.message],
    );
    return inserted.at(0)?.id ?? null;
  }

  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ beneficiary_id: string; offer_id: string; status: string; requested_by: string } | null> {
    const rows: Array<{ beneficiary_id: string; offer_id: string; status: string; requested_by: string }> =
      await manager.query(
        'SELECT beneficiary_id, offer_id, status, requested_by FROM candidate_request WHERE id = $1 FOR UPDATE',
        [id],
      );
    return rows.at(0) ?? null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { agree: boolean; decidedBy: string; declineReason: string | null },
  ): Promise<void> {
    await updateReturning(
      manager,
      `UPDATE candidate_request SET status = $2, decided_by = $3, decided_at = now(), decline_reason = $4
       WHERE id = $1 RETURNING id`,
      [id, decision.agree ? 'agreed' : 'declined', decision.decidedBy, decision.declineReason],
    );
  }

  async linkIntroduction(manager: EntityManager, id: string, introductionId: string): Promise<void> {
    await manager.query('UPDATE candidate_request SET introduction_id = $2 WHERE id = $1', [id, introductionId]);
  }

  /**
   * Requests made by `userId` or about the people of `scope` (placeholders from 3), newest first,
   * people not erased.
   */
  async mineOrAbout(
    manager: EntityManager,
    userId: string,
    status: CandidateRequestStatus | null,
    scope: Scope,
  ): Promise<RequestRow[]> {
    return manager.query(
      `${REQUEST_SELECT(scope.sql)} WHERE (r.requested_by = $1 OR (${scope.sql}))
         AND ($2::text IS NULL OR r.status = $2) AND b.erased_at IS NULL
       ORDER BY r.created_at DESC LIMIT 200`,
      [userId, status, ...scope.params],
    );
  }

  /** One request, `in_scope` from `scope` (placeholders from 2). */
  async one(manager: EntityManager, id: string, scope: Scope): Promise<RequestRow> {
    const rows: RequestRow[] = await manager.query(`${REQUEST_SELECT(scope.sql)} WHERE r.id = $1`, [
      id,
      ...scope.params,
    ]);
    return rows[0];
  }

  async offer(manager: EntityManager, offerId: string): Promise<OfferSummary | null> {
    const rows: OfferSummary[] = await manager.query(
      `SELECT id, title, source, status, COALESCE(commune_name, place_label) AS "communeName" FROM offers_offer_v WHERE id = $1`,
      [offerId],
    );
    return rows.at(0) ?? null;
  }

  /** A random key made once per installation and kept by core (the pseudonyms stay stable). */
  pseudonymKey(manager: EntityManager): Promise<Buffer> {
    return installationSecret(manager, PSEUDONYM_KEY);
  }
}
