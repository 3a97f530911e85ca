import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { type CandidateCard, type CardEdit, editedCard } from '../domain/candidate-card.js';
import { IntroductionStore } from './ports/introduction-store.js';
import { CardContext } from './card-context.js';
import { mediationError } from '../domain/mediation-errors.js';

/** The coach edits the card: a note, and which skills and qualities to show (among the person's). */
@Injectable()
export class EditCard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: CardContext,
    private readonly introductions: IntroductionStore,
  ) {}

  async execute(actor: Actor, id: string, input: CardEdit): Promise<CandidateCard> {
    return this.dataSource.transaction(async (manager) => {
      const { card: current, source } = await this.context.open(manager, actor, id);
      const edit = editedCard(current, source, input);
      if ('unknown' in edit)
        throw mediationError('card.unknown_label', 'only the person’s own skills and qualities', [
          { field: edit.field, reason: `not in the person's file: ${edit.unknown.join(', ')}` },
        ]);
      await this.introductions.saveCard(manager, id, edit.card);
      return edit.card;
    });
  }
}
