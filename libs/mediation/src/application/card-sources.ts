import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReadCardSource } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import { ReferentialIndex } from '@passerelle/referential';
import { type CardSource, cardSourceOf } from '../domain/candidate-card.js';
import type { IntroductionRow } from './ports/introduction-store.js';
import { mediationError } from '../domain/mediation-errors.js';

/** What an introduction's card is built from, read from the person's diagnostic (the read is audited). */
@Injectable()
export class CardSources {
  constructor(
    private readonly files: ReadCardSource,
    private readonly referential: ReferentialIndex,
  ) {}

  /** Only after `IntroductionAccess.open` admitted the actor to this introduction (its structure's staff or the referent). */
  async of(manager: EntityManager, actor: Actor, row: IntroductionRow): Promise<CardSource> {
    const file = await this.files.execute(actor, row.beneficiary_id, { introductionId: row.id }, manager);
    if (!file.diagnostic)
      throw mediationError('introduction.no_diagnostic', 'the card is built from the diagnostic: record it first', [
        { field: 'diagnostic', reason: 'missing' },
      ]);
    await this.referential.load();
    return cardSourceOf(file.firstName, file.diagnostic, {
      occupationLabel: (code) => this.referential.occupation(code)?.label,
      skill: (code) => this.referential.skill(code),
      skillsOfOccupation: (code) => this.referential.skillsOfOccupation(code),
    });
  }
}
