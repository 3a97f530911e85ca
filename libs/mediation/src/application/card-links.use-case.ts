import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CheckConsent, type Photo, ReadStoredPhoto, RecordNotification } from '@passerelle/coaching';
import type { CandidateCard } from '../domain/candidate-card.js';
import { hashToken, isCardToken } from '../domain/card-link.js';
import type { EmployerAnswer } from '../domain/employer.js';
import { canMove, type IntroductionStatus, isClosed } from '../domain/introduction.js';
import { CardLinkStore } from '../infrastructure/card-link-store.js';
import { IntroductionStore } from '../infrastructure/introduction-store.js';

export type CardLinkState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'consent_revoked' | 'closed' }
  | {
      readonly kind: 'open';
      readonly introductionId: string;
      readonly card: CandidateCard;
      readonly employerName: string;
      readonly offerTitle: string | null;
      readonly status: IntroductionStatus;
      readonly expiresAt: Date;
      /** A photo is shown: the person has one and their photo consent is in force. */
      readonly hasPhoto: boolean;
      readonly beneficiaryId: string;
      /** An answer that could not be taken (the page says why, nothing is recorded). */
      readonly problem?: 'message_required';
    };

/** The answer as the notification words it (the message itself stays on the introduction's page). */
const ANSWER_WORDING: Readonly<Record<EmployerAnswer, string>> = {
  interested: 'souhaite rencontrer la personne',
  not_now: 'pas pour le moment',
  question: 'une question vous attend',
};

/**
 * What an employer without an account does with a card link: open it (recorded) and answer
 * (recorded; "interested" moves the introduction on). The consent is read on every opening, so a
 * revocation stops the link at once.
 */
@Injectable()
export class EmployerCardLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: CheckConsent,
    private readonly introductions: IntroductionStore,
    private readonly links: CardLinkStore,
    private readonly photos: ReadStoredPhoto,
    private readonly notifications: RecordNotification,
  ) {}

  async open(token: string, viewer: { ip?: string } = {}): Promise<CardLinkState> {
    const state = await this.state(token);
    if (state.kind === 'open')
      await this.introductions.record(this.dataSource.manager, state.introductionId, 'viewed', null, null, null, {
        ip: viewer.ip ?? null,
      });
    return state;
  }

  /** The card's photo, under the same checks as the card (not recorded as a view). */
  async photo(token: string): Promise<Photo | null> {
    const state = await this.state(token);
    // `hasPhoto` already means a stored photo with its consent in force.
    return state.kind === 'open' && state.hasPhoto ? this.photos.execute(state.beneficiaryId) : null;
  }

  async answer(
    token: string,
    input: { answer: EmployerAnswer; message?: string; proposedInterview?: string },
  ): Promise<CardLinkState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.state(token, true);
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

  private async state(token: string, lock = false): Promise<CardLinkState> {
    if (!isCardToken(token)) return { kind: 'unknown' };
    const row = await this.links.byTokenHash(this.dataSource.manager, hashToken(token), lock);
    if (!row) return { kind: 'unknown' };
    if (!row.card || isClosed(row.status)) return { kind: 'gone', reason: 'closed' };
    if (row.revoked_at) return { kind: 'gone', reason: 'revoked' };
    if (row.expires_at.getTime() <= Date.now()) return { kind: 'gone', reason: 'expired' };
    if (!(await this.consents.execute(row.beneficiary_id, 'share_profile_with_employers')))
      return { kind: 'gone', reason: 'consent_revoked' };
    return {
      kind: 'open',
      introductionId: row.introduction_id,
      card: row.card,
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      status: row.status,
      expiresAt: row.expires_at,
      hasPhoto: row.has_photo && (await this.consents.execute(row.beneficiary_id, 'photo')),
      beneficiaryId: row.beneficiary_id,
    };
  }
}
