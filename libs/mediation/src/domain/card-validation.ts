import { createHash } from 'node:crypto';
import type { CandidateCard } from './candidate-card.js';

/** The person's word on their card as the employer will see it. */
export const CARD_DECISIONS = ['validated', 'change_requested'] as const;
export type CardDecision = (typeof CARD_DECISIONS)[number];

export const CARD_COMMENT_MAX = 1000;

export interface CardValidation {
  readonly decision: CardDecision;
  /** The content version of the card the person saw when deciding (see cardVersion). */
  readonly cardVersion: string;
  readonly comment: string | null;
  readonly decidedAt: Date;
}

/** Object keys sorted at every depth, so the same content always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/**
 * The content version of a card: a hash of what it says. Any edit of the card (the coach's note, a
 * skill, the headline) gives another version, which the person must validate again.
 */
export function cardVersion(card: CandidateCard): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(card)))
    .digest('hex')
    .slice(0, 32);
}

/** Why a card may not leave yet, or null when the person validated this very content. */
export function validationProblem(
  card: CandidateCard,
  latest: CardValidation | null,
): 'not_validated' | 'change_requested' | 'outdated' | null {
  if (!latest) return 'not_validated';
  if (latest.cardVersion !== cardVersion(card)) return 'outdated';
  return latest.decision === 'validated' ? null : 'change_requested';
}

export const CARD_VALIDATION_STATES = ['validated', 'not_validated', 'change_requested', 'outdated'] as const;

/** Where the person's validation of a card stands, as the staff see it on the introduction. */
export interface CardValidationState {
  /** `validated`: this very content may leave; otherwise why it may not yet (as the sharing gate says). */
  readonly state: (typeof CARD_VALIDATION_STATES)[number];
  /** The person's latest decision, whatever the card's version since; null before any. */
  readonly decision: CardDecision | null;
  readonly decidedAt: Date | null;
  /** The person's comment with a change request (or with a validation). */
  readonly comment: string | null;
  /** The card was edited after the person's latest decision (it must be validated again). */
  readonly editedSinceDecision: boolean;
}

export function cardValidationState(card: CandidateCard, latest: CardValidation | null): CardValidationState {
  const problem = validationProblem(card, latest);
  return {
    state: problem ?? 'validated',
    decision: latest?.decision ?? null,
    decidedAt: latest?.decidedAt ?? null,
    comment: latest?.comment ?? null,
    editedSinceDecision: problem === 'outdated',
  };
}
