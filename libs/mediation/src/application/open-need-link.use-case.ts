import { Injectable } from '@nestjs/common';
import { NeedLinkStates, type NeedLinkState } from './need-link-state.js';

/** An employer opens a need link: the form, or why it no longer opens. */
@Injectable()
export class OpenNeedLink {
  constructor(private readonly states: NeedLinkStates) {}

  execute(token: string): Promise<NeedLinkState> {
    return this.states.of(token);
  }
}
