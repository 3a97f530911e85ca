import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { introductionView } from '../application/ports/introduction-store.js';
import type { Actor } from '@passerelle/identity';
import {
  type IntroductionRow,
  IntroductionStore,
  type IntroductionSummary,
  type IntroductionView,
  type NewIntroduction,
  type OfferForIntroduction,
} from '../application/ports/introduction-store.js';
import type { CandidateCard } from '../domain/candidate-card.js';
import type { EmployerAnswer } from '../domain/employer.js';
import {
  type EventActorKind,
  type IntroductionEventKind,
  type IntroductionStatus,
  type TransitionInput,
} from '../domain/introduction.js';

/** A line of an introduction's trail, as recorded. */
export interface RecordedEvent {
  readonly introductionId: string;
  readonly kind: IntroductionEventKind;
  readonly from: IntroductionStatus | null;
  readonly to: IntroductionStatus | null;
  readonly actorUserId: string | null;
  readonly actorKind: EventActorKind;
  details: Record<string, unknown>;
  readonly at: Date;
}

/**
 * Introductions and their trail held in maps; the manager is ignored. The people's referent
 * coaches, the offers and the employers' names it joins in SQL are given to it.
 */
export class InMemoryIntroductionStore extends IntroductionStore {
  readonly rows = new Map<string, IntroductionRow>();
  readonly events: RecordedEvent[] = [];
  /** The offers introductions may be for, by id. */
  readonly offers = new Map<string, OfferForIntroduction & { title?: string }>();
  /** Each person's referent coach. */
  readonly referents = new Map<string, string>();
  /** Whoever sent a link for an introduction (the card link store adds them). */
  readonly linkSenders = new Map<string, Set<string>>();

  constructor(private readonly employerName: (employerId: string) => string = () => '') {
    super();
  }

  /** Puts introductions on file, as if proposed earlier. */
  given(...rows: IntroductionRow[]): this {
    for (const row of rows) this.rows.set(row.id, row);
    return this;
  }

  /** The trail of one introduction, in order. */
  trail(id: string): RecordedEvent[] {
    return this.events.filter((event) => event.introductionId === id);
  }

  lock(_manager: EntityManager, id: string): Promise<IntroductionRow | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  isReferentOf(_manager: EntityManager, beneficiaryId: string, userId: string): Promise<boolean> {
    return Promise.resolve(this.referents.get(beneficiaryId) === userId);
  }

  offer(_manager: EntityManager, offerId: string): Promise<OfferForIntroduction | null> {
    return Promise.resolve(this.offers.get(offerId) ?? null);
  }

  insert(_manager: EntityManager, introduction: NewIntroduction): Promise<string | null> {
    const underWay = [...this.rows.values()].some(
      (row) =>
        introduction.offerId !== null &&
        row.beneficiary_id === introduction.beneficiaryId &&
        row.offer_id === introduction.offerId &&
        row.status !== 'declined' &&
        row.status !== 'withdrawn',
    );
    if (underWay) return Promise.resolve(null);
    const id = randomUUID();
    this.rows.set(id, {
      id,
      beneficiary_id: introduction.beneficiaryId,
      employer_id: introduction.employerId,
      employer_name: this.employerName(introduction.employerId),
      offer_id: introduction.offerId,
      offer_title: introduction.offerId ? (this.offers.get(introduction.offerId)?.title ?? null) : null,
      structure_id: introduction.structureId,
      status: 'proposed',
      interview_at: null,
      interview_place: null,
      trial_start: null,
      trial_end: null,
      decline_reason: null,
      card: null,
      created_by: introduction.createdBy,
    });
    return Promise.resolve(id);
  }

  move(_manager: EntityManager, id: string, input: TransitionInput, card: CandidateCard | null): Promise<void> {
    const row = this.rows.get(id)!;
    this.rows.set(id, {
      ...row,
      status: input.to,
      card,
      interview_at: input.interviewAt ? new Date(input.interviewAt) : row.interview_at,
      interview_place: input.interviewPlace ?? row.interview_place,
      trial_start: input.trialStart ?? row.trial_start,
      trial_end: input.trialEnd ?? row.trial_end,
      decline_reason: input.declineReason ?? row.decline_reason,
    });
    return Promise.resolve();
  }

  setStatus(_manager: EntityManager, id: string, status: IntroductionStatus): Promise<void> {
    this.rows.set(id, { ...this.rows.get(id)!, status });
    return Promise.resolve();
  }

  saveCard(_manager: EntityManager, id: string, card: CandidateCard): Promise<void> {
    this.rows.set(id, { ...this.rows.get(id)!, card });
    return Promise.resolve();
  }

  record(
    _manager: EntityManager,
    id: string,
    kind: IntroductionEventKind,
    from: IntroductionStatus | null,
    to: IntroductionStatus | null,
    actor: Actor | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    this.events.push({
      introductionId: id,
      kind,
      from,
      to,
      actorUserId: actor?.userId ?? null,
      actorKind: actor ? 'user' : 'employer',
      details,
      at: new Date(),
    });
    return Promise.resolve();
  }

  view(_manager: EntityManager, id: string): Promise<IntroductionView> {
    const row = this.rows.get(id)!;
    return Promise.resolve(
      introductionView(
        row,
        this.trail(id).map((event) => ({
          kind: event.kind,
          fromStatus: event.from,
          toStatus: event.to,
          actorKind: event.actorKind,
          actorUserId: event.actorUserId,
          details: event.details,
          at: event.at,
        })),
      ),
    );
  }

  list(
    _manager: EntityManager,
    structures: readonly string[] | null,
    referentUserId: string,
    filter: { status?: IntroductionStatus; offerId?: string },
  ): Promise<IntroductionSummary[]> {
    return Promise.resolve(
      [...this.rows.values()]
        .filter(
          (row) =>
            structures === null ||
            structures.includes(row.structure_id) ||
            this.referents.get(row.beneficiary_id) === referentUserId,
        )
        .filter((row) => (filter.status ? row.status === filter.status : true))
        .filter((row) => (filter.offerId ? row.offer_id === filter.offerId : true))
        .map((row) => {
          const answer = this.trail(row.id)
            .filter((event) => event.kind === 'answered')
            .at(-1);
          return {
            id: row.id,
            beneficiaryId: row.beneficiary_id,
            status: row.status,
            employerId: row.employer_id,
            employerName: row.employer_name,
            offerId: row.offer_id,
            offerTitle: row.offer_title,
            firstName: row.card?.firstName ?? null,
            updatedAt: new Date(),
            interviewAt: row.interview_at,
            lastAnswer: answer
              ? {
                  answer: answer.details.answer as EmployerAnswer,
                  message: (answer.details.message as string | null) ?? null,
                  proposedInterview: (answer.details.proposedInterview as string | null) ?? null,
                  at: answer.at,
                }
              : null,
          };
        }),
    );
  }

  owners(_manager: EntityManager, id: string): Promise<string[]> {
    const row = this.rows.get(id);
    if (!row) return Promise.resolve([]);
    const referent = this.referents.get(row.beneficiary_id);
    return Promise.resolve([
      ...new Set([row.created_by, ...(this.linkSenders.get(id) ?? []), ...(referent ? [referent] : [])]),
    ]);
  }

  answeredSince(_manager: EntityManager, id: string, since: Date): Promise<boolean> {
    return Promise.resolve(
      this.trail(id).some((event) => event.kind === 'answered' && event.at.getTime() >= since.getTime()),
    );
  }

  forgetViewerAddresses(_manager: EntityManager, now: Date, days: number): Promise<number> {
    const before = now.getTime() - days * 86_400_000;
    let forgotten = 0;
    for (const event of this.events)
      if (event.kind === 'viewed' && 'ip' in event.details && event.at.getTime() < before) {
        const { ip: _, ...rest } = event.details;
        event.details = rest;
        forgotten += 1;
      }
    return Promise.resolve(forgotten);
  }
}
