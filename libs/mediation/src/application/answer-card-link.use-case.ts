import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RecordNotification } from '@passerelle/coaching';
import type { EmployerAnswer } from '../domain/employer.js';
import { canMove } from '../domain/introduction.js';
import { type CardLinkState, CardLinkStates } from './card-link-state.js';
import { IntroductionStore } from './ports/introduction-store.js';

/** The answer as the notification words it (the message itself stays on the introduction's page). */
const ANSWER_WORDING: Readonly<Record<EmployerAnswer, string>> = {
  interested: 'souhaite rencontrer la personne',
  not_now: 'pas pour le moment',
  question: 'une question vous attend',
};

/**
 * An employer answers through their card link (recorded, and everyone who follows the
 * introduction is told); "interested" moves the introduction on, another answer needs a message.
 */
@Injectable()
export class AnswerCardLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: CardLinkStates,
    private readonly introductions: IntroductionStore,
    private readonly notifications: RecordNotification,
  ) {}

  async execute(
    token: string,
    input: { answer: EmployerAnswer; message?: string; proposedInterview?: string },
  ): Promise<CardLinkState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.states.of(token, true);
      if (state.kind !== 'open') return state;
      if (input.answer !== 'interested' && !input.message?.trim()) return { ...state, problem: 'message_required' };
      await this.introductions.record(manager, state.introductionId, 'answered', null, null, null, {
        answer: input.answer,
        message: input.message?.trim() ?? null,
        proposedInterview: input.proposedInterview?.trim() ?? null,
      });
      // Everyone who follows the introduction hears of it; a second answer makes it unread again.
      await this.notifications.execute(
        (await this.introductions.owners(manager, state.introductionId)).map((userId) => ({
          userId,
          kind: 'employer_answer',
          subjectType: 'introduction',
          subjectId: state.introductionId,
          message: `${state.employerName} a répondu à la fiche${state.offerTitle ? ` pour « ${state.offerTitle} »` : ''} : ${ANSWER_WORDING[input.answer]}.`,
        })),
        { mode: 'refresh', manager },
      );
      const interested = input.answer === 'interested' && canMove(state.status, 'employer_interested');
      if (interested) {
        await this.introductions.setStatus(manager, state.introductionId, 'employer_interested');
        await this.introductions.record(
          manager,
          state.introductionId,
          'transition',
          state.status,
          'employer_interested',
          null,
        );
      }
      return { ...state, status: interested ? 'employer_interested' : state.status };
    });
  }
}
