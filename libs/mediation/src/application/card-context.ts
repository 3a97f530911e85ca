import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { CandidateCard, CardSource } from '../domain/candidate-card.js';
import type { IntroductionRow } from './ports/introduction-store.js';
import { CardSources } from './card-sources.js';
import { IntroductionAccess } from './introduction-access.js';
import { mediationError } from '../domain/mediation-errors.js';

/** The introduction, its card and what the card may show (the person's file); refused before the card exists. */
@Injectable()
export class CardContext {
  constructor(
    private readonly access: IntroductionAccess,
    private readonly cards: CardSources,
  ) {}

  async open(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ row: IntroductionRow; card: CandidateCard; source: CardSource }> {
    const row = await this.access.open(manager, actor, id);
    if (!row.card)
      throw mediationError('introduction.no_card', 'the card exists once the person accepted', [
        { field: 'status', reason: row.status },
      ]);
    return { row, card: row.card, source: await this.cards.of(manager, actor, row) };
  }
}
