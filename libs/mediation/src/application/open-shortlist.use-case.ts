import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IntroductionStore } from './ports/introduction-store.js';
import { type ShortlistPageState, ShortlistPageStates } from './shortlist-page-state.js';

/** An employer opens a shortlist link: each card shown is a view in its introduction's trail (with the address). */
@Injectable()
export class OpenShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: ShortlistPageStates,
    private readonly introductions: IntroductionStore,
  ) {}

  async execute(token: string, viewer: { ip?: string } = {}): Promise<ShortlistPageState> {
    const state = await this.states.of(token);
    if (state.kind === 'open')
      for (const entry of state.entries)
        await this.introductions.record(this.dataSource.manager, entry.introductionId, 'viewed', null, null, null, {
          ip: viewer.ip ?? null,
          shortlistId: state.shortlist.id,
        });
    return state;
  }
}
