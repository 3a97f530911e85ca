import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type CardLinkState, CardLinkStates } from './card-link-state.js';
import { IntroductionStore } from './ports/introduction-store.js';

/** An employer opens a card link: an open card's view is recorded in the introduction's trail (with the address). */
@Injectable()
export class OpenCardLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: CardLinkStates,
    private readonly introductions: IntroductionStore,
  ) {}

  async execute(token: string, viewer: { ip?: string } = {}): Promise<CardLinkState> {
    const state = await this.states.of(token);
    if (state.kind === 'open')
      await this.introductions.record(this.dataSource.manager, state.introductionId, 'viewed', null, null, null, {
        ip: viewer.ip ?? null,
      });
    return state;
  }
}
