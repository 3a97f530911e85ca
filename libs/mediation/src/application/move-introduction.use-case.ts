import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { buildCard } from '../domain/candidate-card.js';
import { isClosed, type TransitionInput, transitionProblems } from '../domain/introduction.js';
import { CardLinkStore } from './ports/card-link-store.js';
import { type IntroductionView, IntroductionStore } from './ports/introduction-store.js';
import { CardSources } from './card-sources.js';
import { IntroductionAccess } from './introduction-access.js';
import { mediationError } from '../domain/mediation-errors.js';

/**
 * One step of an introduction (accepted, employer interested, interview, trial, hired, declined,
 * withdrawn), checked by the state machine and recorded (who, when). The person's acceptance builds
 * the card; a closing step revokes the employer's links.
 */
@Injectable()
export class MoveIntroduction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly links: CardLinkStore,
    private readonly cards: CardSources,
  ) {}

  async execute(actor: Actor, id: string, input: TransitionInput): Promise<IntroductionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(manager, actor, id);
      const problems = transitionProblems(row.status, input);
      if (problems.length > 0)
        throw mediationError(
          'introduction.invalid_transition',
          `cannot move from ${row.status} to ${input.to}`,
          problems,
        );
      // The person's acceptance is the moment their card is built (the coach may still edit it).
      // A mediator of the introduction's structure records it as well as the coach: `open` let them in, and
      // the card reads only what it shows of the file (ReadCardSource), never the whole coaching file.
      const card = input.to === 'accepted' ? buildCard(await this.cards.of(manager, actor, row)) : row.card;
      await this.introductions.move(manager, id, input, card);
      if (isClosed(input.to)) await this.links.revokeAll(manager, id);
      await this.introductions.record(manager, id, 'transition', row.status, input.to, actor);
      return this.introductions.view(manager, id);
    });
  }
}
