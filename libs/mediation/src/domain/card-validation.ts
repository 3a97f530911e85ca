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
