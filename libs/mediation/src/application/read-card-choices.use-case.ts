import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { cardChoices } from '../domain/candidate-card.js';
import { CardContext } from './card-context.js';

/**
 * The labels the coach may show on the card: those on it now, then every other skill and quality
 * of the person's file (declared, then from past occupations), so a label taken off can come back.
 */
@Injectable()
export class ReadCardChoices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: CardContext,
  ) {}

  async execute(actor: Actor, id: string): Promise<{ skills: string[]; qualities: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const { card, source } = await this.context.open(manager, actor, id);
      return cardChoices(card, source);
    });
  }
}
