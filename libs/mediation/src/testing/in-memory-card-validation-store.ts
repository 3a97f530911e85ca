import type { EntityManager } from 'typeorm';
import { CardValidationStore, type PersonCardRow } from '../application/ports/card-validation-store.js';
import type { CandidateCard } from '../domain/candidate-card.js';
import { type CardDecision, type CardValidation, cardVersion } from '../domain/card-validation.js';

/** The person's decisions on their cards, in order of arrival. */
export class InMemoryCardValidationStore extends CardValidationStore {
  readonly decisions: Array<CardValidation & { introductionId: string }> = [];

  /** The person validated this content of the introduction's card. */
  validated(introductionId: string, card: CandidateCard): this {
    this.decisions.push({
      introductionId,
      decision: 'validated',
      cardVersion: cardVersion(card),
      comment: null,
      decidedAt: new Date(),
    });
    return this;
  }

  latest(_manager: EntityManager, introductionId: string): Promise<CardValidation | null> {
    const mine = this.decisions.filter((decision) => decision.introductionId === introductionId);
    return Promise.resolve(mine.at(-1) ?? null);
  }

  /** Cards come from the introductions' store in the use cases that need them; none here. */
  personCards(): Promise<PersonCardRow[]> {
    return Promise.resolve([]);
  }

  insert(
    _manager: EntityManager,
    introductionId: string,
    validation: { decision: CardDecision; cardVersion: string; comment: string | null },
  ): Promise<CardValidation> {
    const stored = { ...validation, introductionId, decidedAt: new Date() };
    this.decisions.push(stored);
    return Promise.resolve(stored);
  }
}
