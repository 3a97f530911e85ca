import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CapturedOfferRow, CapturedOfferStore } from '../application/ports/captured-offer-store.js';

/** Offers a structure captured or posted, with when each had its first candidate. */
@Injectable()
export class SqlCapturedOfferStore extends CapturedOfferStore {
  /**
   * Offers of `sources` first seen in the period (Paris days), of `structureIds` (null: all): the
   * first candidate is the first proposal of the offer to a person or the first introduction on it.
   */
  delays(
    manager: EntityManager,
    sources: readonly string[],
    structureIds: readonly string[] | null,
    period: { from: string; to: string },
  ): Promise<CapturedOfferRow[]> {
    return manager.query(
      `SELECT o.id, o.title, o.employer_name, o.source, o.first_seen_at AS captured_at, f.first_candidate_at,
         extract(epoch FROM (coalesce(f.first_candidate_at, now()) - o.first_seen_at)) / 3600 AS hours,
         f.candidates
       FROM offers_offer_v o
       CROSS JOIN LATERAL (
         SELECT min(t.at) AS first_candidate_at, count(DISTINCT t.beneficiary_id)::int AS candidates FROM (
           SELECT p.proposed_at AS at, p.beneficiary_id FROM coaching_offer_proposal_v p WHERE p.offer_id = o.id
           UNION ALL SELECT n.created_at, n.beneficiary_id FROM introduction n WHERE n.offer_id = o.id
         ) t
       ) f
       WHERE o.source = ANY($1::text[]) AND ($2::uuid[] IS NULL OR o.structure_id = ANY($2::uuid[]))
         AND o.first_seen_at >= ($3::date AT TIME ZONE 'Europe/Paris')
         AND o.first_seen_at < (($4::date + 1) AT TIME ZONE 'Europe/Paris')
       ORDER BY o.first_seen_at DESC, o.id`,
      [[...sources], structureIds, period.from, period.to],
    );
  }
}
