import type { EntityManager } from 'typeorm';
import type { CheckConsent } from '@passerelle/coaching';
import type { CandidateCard } from '../domain/candidate-card.js';
import { validationProblem } from '../domain/card-validation.js';
import { mediationError } from '../domain/mediation-errors.js';
import type { CardValidationStore } from './ports/card-validation-store.js';

/** What the gate reads: the consent in force and the person's latest validation. */
export interface CardSharingGate {
  readonly consents: CheckConsent;
  readonly validations: CardValidationStore;
}

const REASONS = {
  not_validated: 'the person has not validated their card yet',
  change_requested: 'the person asked for a change to their card',
  outdated: 'the card changed since the person validated it',
} as const;

/**
 * The one gate before a card leaves for an employer, called wherever a card link is sent (one card
 * or several): the person's consent to share their profile is in force, and the person validated
 * this very content of the card in their space (an edit since, or a change they asked for, holds it
 * back). Refuses with 422 `introduction.no_consent` or `introduction.card_not_validated`, naming
 * `field` (the card's place in a request of several) or else what is missing.
 */
export async function assertCardMayBeShared(
  manager: EntityManager,
  gate: CardSharingGate,
  introduction: { readonly id: string; readonly beneficiaryId: string; readonly card: CandidateCard },
  field?: string,
): Promise<void> {
  if (!(await gate.consents.execute(introduction.beneficiaryId, 'share_profile_with_employers', manager)))
    throw mediationError('introduction.no_consent', 'the person has not consented to share their profile', [
      { field: field ?? 'consent', reason: 'share_profile_with_employers is not recorded' },
    ]);
  const problem = validationProblem(introduction.card, await gate.validations.latest(manager, introduction.id));
  if (problem)
    throw mediationError('introduction.card_not_validated', REASONS[problem], [
      { field: field ?? 'cardValidation', reason: problem },
    ]);
}
