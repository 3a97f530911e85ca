import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MANUAL_SOURCE } from '@passerelle/offers';
import { type Actor, scopeFor, StructureTree } from '@passerelle/identity';
import { MEDIATION_SOURCE } from './employers.use-case.js';

/** The promise départements make to employers: a first candidate within 48 hours of an offer. */
const FIRST_CANDIDATE_TARGET_HOURS = 48;

export type FirstCandidateState = 'met' | 'missed' | 'waiting' | 'overdue';

export interface CapturedOfferDelay {
  readonly offerId: string;
  readonly title: string;
  readonly employerName: string | null;
  readonly source: string;
  readonly capturedAt: Date;
  readonly firstCandidateAt: Date | null;
  /** Hours from capture to the first candidate, or elapsed so far when none yet. */
  readonly hours: number;
  readonly state: FirstCandidateState;
  readonly candidatesProposed: number;
}

export interface CapturedOffersReport {
  readonly targetHours: number;
  readonly from: string;
  readonly to: string;
  readonly summary: {
    readonly offers: number;
    readonly withCandidate: number;
    readonly withinTarget: number;
    /** Offers whose first candidate came within the target, over the offers whose target has passed or been met. */
    readonly withinTargetRate: number | null;
    readonly overdue: number;
    readonly medianHours: number | null;
  };
  readonly items: CapturedOfferDelay[];
}

interface Row {
  id: string;
  title: string;
  employer_name: string | null;
  source: string;
  captured_at: Date;
  first_candidate_at: Date | null;
  hours: number;
  candidates: number;
}

/**
 * Offers the structure captured (job analyses) or posted, and how long each waited for its first
 * candidate: the first proposal of the offer to a person or the first introduction on it, whichever
 * came first. Computed from the records on every call.
 */
@Injectable()
export class CapturedOffers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
  ) {}

  async report(actor: Actor, period: { from: string; to: string }): Promise<CapturedOffersReport> {
    const action = scopeFor(actor.roles, 'employers.manage') ? 'employers.manage' : 'indicators.read';
    const { structureIds } = await this.tree.reach(actor, action);
    const rows: Row[] = await this.dataSource.query(
      `SELECT o.id, o.title, o.employer_name, o.source, o.first_seen_at AS captured_at, f.first_candidate_at,
         extract(epoch FROM (coalesce(f.first_candidate_at, now()) - o.first_seen_at)) / 3600 AS hours,
         f.candidates
       FROM offer o
       CROSS JOIN LATERAL (
         SELECT min(t.at) AS first_candidate_at, count(DISTINCT t.beneficiary_id)::int AS candidates FROM (
           SELECT p.proposed_at AS at, p.beneficiary_id FROM offer_proposal p WHERE p.offer_id = o.id
           UNION ALL SELECT n.created_at, n.beneficiary_id FROM introduction n WHERE n.offer_id = o.id
         ) t
       ) f
       WHERE o.source = ANY($1::text[]) AND ($2::uuid[] IS NULL OR o.structure_id = ANY($2::uuid[]))
         AND o.first_seen_at >= ($3::date AT TIME ZONE 'Europe/Paris')
         AND o.first_seen_at < (($4::date + 1) AT TIME ZONE 'Europe/Paris')
       ORDER BY o.first_seen_at DESC, o.id`,
      [[MEDIATION_SOURCE, MANUAL_SOURCE], structureIds, period.from, period.to],
    );
    const items = rows.map((row): CapturedOfferDelay => {
      const hours = Math.round(Number(row.hours) * 10) / 10;
      const late = Number(row.hours) > FIRST_CANDIDATE_TARGET_HOURS;
      return {
        offerId: row.id,
        title: row.title,
        employerName: row.employer_name,
        source: row.source,
        capturedAt: row.captured_at,
        firstCandidateAt: row.first_candidate_at,
        hours,
        state: row.first_candidate_at ? (late ? 'missed' : 'met') : late ? 'overdue' : 'waiting',
        candidatesProposed: row.candidates,
      };
    });
    const delays = items
      .filter((item) => item.firstCandidateAt)
      .map((item) => item.hours)
      .sort((a, b) => a - b);
    const decided = items.filter((item) => item.state !== 'waiting').length;
    const withinTarget = items.filter((item) => item.state === 'met').length;
    return {
      targetHours: FIRST_CANDIDATE_TARGET_HOURS,
      from: period.from,
      to: period.to,
      summary: {
        offers: items.length,
        withCandidate: delays.length,
        withinTarget,
        withinTargetRate: decided > 0 ? Math.round((withinTarget / decided) * 1000) / 1000 : null,
        overdue: items.filter((item) => item.state === 'overdue').length,
        medianHours: median(delays),
      },
      items,
    };
  }
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round(((sorted[middle - 1] + sorted[middle]) / 2) * 10) / 10;
}
