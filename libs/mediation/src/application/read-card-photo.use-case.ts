import { Injectable } from '@nestjs/common';
import { type Photo, ReadStoredPhoto } from '@passerelle/coaching';
import { CardLinkStates } from './card-link-state.js';

/** The card's photo, under the same checks as the card (not recorded as a view). */
@Injectable()
export class ReadCardPhoto {
  constructor(
    private readonly states: CardLinkStates,
    private readonly photos: ReadStoredPhoto,
  ) {}

  async execute(token: string): Promise<Photo | null> {
    const state = await this.states.of(token);
    // `hasPhoto` already means a stored photo with its consent in force.
    return state.kind === 'open' && state.hasPhoto ? this.photos.execute(state.beneficiaryId) : null;
  }
}
