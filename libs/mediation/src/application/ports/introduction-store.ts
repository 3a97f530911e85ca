import type { EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { CandidateCard } from '../../domain/candidate-card.js';
import { type CardValidation, type CardValidationState, cardValidationState } from '../../domain/card-validation.js';
import type { EmployerAnswer } from '../../domain/employer.js';
import type { RefusalReason } from '../../domain/shortlist.js';
import {
  allowedNext,
  type DeclineReason,
  type EventActorKind,
  type IntroductionEventKind,
  type IntroductionStatus,
  type TransitionInput,
} from '../../domain/introduction.js';

export interface IntroductionView {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly offerId: string | null;
  readonly offerTitle: string | null;
  readonly status: IntroductionStatus;
  /** The steps allowed from here (the state machine's, so clients need not restate it). */
  readonly next: readonly IntroductionStatus[];
  readonly interviewAt: Date | null;
  readonly interviewPlace: string | null;
  readonly trialStart: string | null;
  readonly trialEnd: string | null;
  readonly declineReason: DeclineReason | null;
  readonly card: CandidateCard | null;
  /** The person's validation of the card as it is now (null while there is no card). */
  readonly cardValidation: CardValidationState | null;
  readonly events: Array<{
    kind: IntroductionEventKind;
    fromStatus: IntroductionStatus | null;
    toStatus: IntroductionStatus | null;
    actorKind: EventActorKind;
    actorUserId: string | null;
    details: Record<string, unknown>;
    at: Date;
  }>;
}

/** An introduction in a list (the board): no card, the person by first name. */
export interface IntroductionSummary {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly status: IntroductionStatus;
  readonly employerId: string;
  readonly employerName: string;
  readonly offerId: string | null;
  readonly offerTitle: string | null;
  readonly firstName: string | null;
  readonly updatedAt: Date;
  readonly interviewAt: Date | null;
  readonly lastAnswer: {
    readonly answer: EmployerAnswer;
    readonly message: string | null;
    readonly proposedInterview: string | null;
    readonly at: Date;
  } | null;
}

/** An introduction as its steps read it (with its employer's name and its offer's title). */
export interface IntroductionRow {
  id: string;
  beneficiary_id: string;
  employer_id: string;
  employer_name: string;
  offer_id: string | null;
  offer_title: string | null;
  structure_id: string;
  status: IntroductionStatus;
  interview_at: Date | null;
  interview_place: string | null;
  trial_start: string | null;
  trial_end: string | null;
  decline_reason: DeclineReason | null;
  card: CandidateCard | null;
  created_by: string;
}

/** An introduction as stored, with its trail already read, as the board and the file show it. */
export function introductionView(
  row: IntroductionRow,
  events: IntroductionView['events'],
  latestValidation: CardValidation | null = null,
): IntroductionView {
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    offerId: row.offer_id,
    offerTitle: row.offer_title,
    status: row.status,
    next: allowedNext(row.status),
    interviewAt: row.interview_at,
    interviewPlace: row.interview_place,
    trialStart: row.trial_start,
    trialEnd: row.trial_end,
    declineReason: row.decline_reason,
    card: row.card,
    cardValidation: row.card ? cardValidationState(row.card, latestValidation) : null,
    events,
  };
}

/** What an introduction needs to know of the offer it is for. */
export interface OfferForIntroduction {
  /** The employer of the offer's job analysis (an offer captured by mediation). */
  readonly analysisEmployerId: string | null;
  readonly status: string;
  readonly employerName: string | null;
  readonly employerSiret: string | null;
  readonly communeInsee: string | null;
  readonly communeName: string | null;
}

/** A new proposal, as the store records it. */
export interface NewIntroduction {
  readonly beneficiaryId: string;
  readonly employerId: string;
  readonly offerId: string | null;
  readonly structureId: string;
  readonly createdBy: string;
}

/** Introductions and their trail. */
export abstract class IntroductionStore {
  /** The introduction, locked until the transaction ends (outside one, read as it is). */
  abstract lock(manager: EntityManager, id: string): Promise<IntroductionRow | null>;

  /** Is `userId` the referent coach of this person (not erased)? */
  abstract isReferentOf(manager: EntityManager, beneficiaryId: string, userId: string): Promise<boolean>;

  abstract offer(manager: EntityManager, offerId: string): Promise<OfferForIntroduction | null>;

  /** A new proposal; null when one is already under way for this person and offer. */
  abstract insert(manager: EntityManager, introduction: NewIntroduction): Promise<string | null>;

  /** One step: the new status, the card (built at acceptance) and what the step records (interview, trial, reason). */
  abstract move(manager: EntityManager, id: string, input: TransitionInput, card: CandidateCard | null): Promise<void>;

  /** A step that records nothing else (the link sent, the employer interested). */
  abstract setStatus(manager: EntityManager, id: string, status: IntroductionStatus): Promise<void>;

  abstract saveCard(manager: EntityManager, id: string, card: CandidateCard): Promise<void>;

  /**
   * A line of the trail; `actor` null: the employer, through their link. An employer's "not now"
   * through a shortlist carries its reason (counted by the indicators; kept when the person is erased).
   */
  abstract record(
    manager: EntityManager,
    id: string,
    kind: IntroductionEventKind,
    from: IntroductionStatus | null,
    to: IntroductionStatus | null,
    actor: Actor | null,
    details?: Record<string, unknown>,
    refusalReason?: RefusalReason | null,
  ): Promise<void>;

  abstract view(manager: EntityManager, id: string): Promise<IntroductionView>;

  /**
   * The board: introductions of `structures` (null: all) and of the people `referentUserId`
   * follows, newest first, each with the employer's last answer.
   */
  abstract list(
    manager: EntityManager,
    structures: readonly string[] | null,
    referentUserId: string,
    filter: { status?: IntroductionStatus; offerId?: string },
  ): Promise<IntroductionSummary[]>;

  /**
   * The people who follow an introduction and hear of the employer's answers: whoever proposed it,
   * whoever sent the employer a link (a card's or a shortlist's), and the person's referent coach.
   */
  abstract owners(manager: EntityManager, id: string): Promise<string[]>;

  /** Has the employer answered since `since`? */
  abstract answeredSince(manager: EntityManager, id: string, since: Date): Promise<boolean>;

  /** Drops the viewer's address from views older than `days` before `now`; returns how many. */
  abstract forgetViewerAddresses(manager: EntityManager, now: Date, days: number): Promise<number>;
}
