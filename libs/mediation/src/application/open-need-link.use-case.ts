import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NeedLinkStates, type NeedLinkState } from './need-link-state.js';
import { EmployerNeedStore, type PostedNeedState } from './ports/employer-need-store.js';

/**
 * An employer opens a need link: the form, or why it no longer opens. An employer's own link also
 * shows the needs already posted through it and what became of each (received, taken up,
 * published); a structure's public form shows none, since anyone may hold it.
 */
@Injectable()
export class OpenNeedLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: NeedLinkStates,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(token: string): Promise<{ state: NeedLinkState; posted: PostedNeedState[] }> {
    const state = await this.states.of(token);
    const posted =
      state.kind === 'open' && state.link.employerId
        ? await this.needs.postedThrough(this.dataSource.manager, state.link.id)
        : [];
    return { state, posted };
  }
}
