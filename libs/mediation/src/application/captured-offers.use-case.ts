import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MANUAL_SOURCE } from '@passerelle/offers';
import { type Actor, scopeFor, StructureTree } from '@passerelle/identity';
import { CapturedOfferStore } from './ports/captured-offer-store.js';
import { MEDIATION_SOURCE } from '../domain/employer.js';

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
    private readonly offers: CapturedOfferStore,
  ) {}

  async report(actor: Actor, period: { from: string; to: string }): Promise<CapturedOffersReport> {
    const action = scopeFor(actor.roles, 'employers.manage') ? 'employers.manage' : 'indicators.read';
    const { structureIds } = await this.tree.reach(actor, action);
    const rows = await this.offers.delays(
      this.dataSource.manager,
      [MEDIATION_SOURCE, MANUAL_SOURCE],
      structureIds,
      period,
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
