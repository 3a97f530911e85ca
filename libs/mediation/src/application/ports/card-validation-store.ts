import type { EntityManager } from 'typeorm';
import type { CandidateCard } from '../../domain/candidate-card.js';
import type { CardDecision, CardValidation } from '../../domain/card-validation.js';
import type { IntroductionStatus } from '../../domain/introduction.js';

/** A card of the person, as their space shows it, with their latest decision on it. */
export interface PersonCardRow {
  readonly introductionId: string;
  readonly status: IntroductionStatus;
  readonly card: CandidateCard;
  readonly employerName: string;
  readonly offerTitle: string | null;
  readonly latest: CardValidation | null;
}

/** The person's validations of their cards (`card_validation`), latest first. */
export abstract class CardValidationStore {
  /** The latest decision on the introduction's card, whatever its version; null when none. */
  abstract latest(manager: EntityManager, introductionId: string): Promise<CardValidation | null>;

  /**
   * The person's cards on introductions still under way (accepted and after, not closed), newest
   * first; `introductionId` narrows to one, locked until the transaction ends.
   */
  abstract personCards(
    manager: EntityManager,
    beneficiaryId: string,
    introductionId?: string,
  ): Promise<PersonCardRow[]>;

  abstract insert(
    manager: EntityManager,
    introductionId: string,
    validation: { decision: CardDecision; cardVersion: string; comment: string | null },
  ): Promise<CardValidation>;
}
