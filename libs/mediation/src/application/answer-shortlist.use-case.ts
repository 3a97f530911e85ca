import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RecordEmployerInterview, RecordNotification } from '@passerelle/coaching';
import { canMove } from '../domain/introduction.js';
import { answerProblem, answerWording, type ShortlistAnswer, slotLabel } from '../domain/shortlist.js';
import { IntroductionStore } from './ports/introduction-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';
import { type ShortlistPageState, ShortlistPageStates } from './shortlist-page-state.js';

/**
 * An employer answers for one person of a shortlist: meet (a slot offered, which becomes an
 * interview on the mediator's and the person's agendas, or one they propose), not now (a reason of
 * the list, counted by the indicators), or a question (the mediator replies on the same page).
 * Everyone who follows the introduction is told at once, and the page says who heard it.
 */
@Injectable()
export class AnswerShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: ShortlistPageStates,
    private readonly shortlists: ShortlistStore,
    private readonly introductions: IntroductionStore,
    private readonly notifications: RecordNotification,
    private readonly interviews: RecordEmployerInterview,
  ) {}

  async execute(token: string, input: ShortlistAnswer & { entryId: string }): Promise<ShortlistPageState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.states.of(token, manager, true);
      if (state.kind !== 'open') return state;
      const entry = state.entries.find((candidate) => candidate.id === input.entryId);
      if (!entry)
        return {
          ...state,
          problem: { entryId: input.entryId, text: 'Cette personne ne fait plus partie de la sélection.' },
        };
      const problem = answerProblem(input, state.shortlist.slots);
      if (problem) return { ...state, problem: { entryId: entry.id, text: problem } };
      const { shortlist } = state;
      const message = input.message?.trim() || null;
      const slot =
        input.answer === 'interested' && input.slot
          ? (shortlist.slots.find((offered) => offered.startsAt.getTime() === Date.parse(input.slot ?? '')) ?? null)
          : null;
      const proposedSlot = input.answer === 'interested' && !slot ? (input.proposedSlot?.trim() ?? null) : null;
      const place = slot?.place ?? shortlist.employerName;
      // One interview per person and shortlist: answering again keeps the one already booked.
      const appointmentId =
        slot && !entry.appointmentId
          ? await this.interviews.execute(manager, {
              mediatorUserId: shortlist.createdBy,
              beneficiaryId: entry.beneficiaryId,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              place,
            })
          : null;
      await this.shortlists.recordAnswer(manager, entry.id, {
        answer: input.answer,
        slotStartsAt: slot?.startsAt ?? null,
        proposedSlot,
        refusalReason: input.answer === 'not_now' ? (input.reason ?? null) : null,
        freeText: input.answer === 'question' ? null : message,
        appointmentId,
      });
      if (input.answer === 'question' && message)
        await this.shortlists.addMessage(manager, entry.id, { kind: 'employer' }, message);
      const label = slot ? slotLabel(slot.startsAt) : proposedSlot;
      await this.introductions.record(
        manager,
        entry.introductionId,
        'answered',
        null,
        null,
        null,
        {
          answer: input.answer,
          message,
          proposedInterview: label,
          shortlistId: shortlist.id,
        },
        input.answer === 'not_now' ? (input.reason ?? null) : null,
      );
      let status = entry.status;
      if (input.answer === 'interested' && canMove(status, 'employer_interested')) {
        await this.introductions.setStatus(manager, entry.introductionId, 'employer_interested');
        await this.introductions.record(
          manager,
          entry.introductionId,
          'transition',
          status,
          'employer_interested',
          null,
        );
        status = 'employer_interested';
      }
      if (slot && canMove(status, 'interview')) {
        await this.introductions.move(
          manager,
          entry.introductionId,
          { to: 'interview', interviewAt: slot.startsAt.toISOString(), interviewPlace: place },
          entry.card,
        );
        await this.introductions.record(manager, entry.introductionId, 'transition', status, 'interview', null);
      }
      const owners = await this.introductions.owners(manager, entry.introductionId);
      // A second answer for the same person makes the notification unread again with its new text.
      await this.notifications.execute(
        owners.map((userId) => ({
          userId,
          kind: 'employer_answer',
          subjectType: 'introduction',
          subjectId: entry.introductionId,
          message: `${shortlist.employerName} a répondu pour ${entry.card.firstName} (« ${shortlist.offerTitle} ») : ${answerWording(input, label)}.`,
        })),
        { mode: 'refresh', manager },
      );
      const recipients = await this.shortlists.userNames(manager, owners);
      const fresh = await this.states.of(token, manager);
      return fresh.kind === 'open' ? { ...fresh, acknowledged: { entryId: entry.id, recipients } } : fresh;
    });
  }
}
