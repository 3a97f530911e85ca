import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ManageConsents, ManagePhoto, type Photo, RecordNotification } from '@passerelle/coaching';
import type { CandidateCard } from '../domain/candidate-card.js';
import { canMove, type IntroductionStatus } from '../domain/introduction.js';
import { hashToken, ManageIntroductions } from './introductions.use-case.js';

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

export const EMPLOYER_ANSWERS = ['interested', 'not_now', 'question'] as const;
export type EmployerAnswer = (typeof EMPLOYER_ANSWERS)[number];

/** The answer as the notification words it (the message itself stays on the introduction's page). */
const ANSWER_WORDING: Readonly<Record<EmployerAnswer, string>> = {
  interested: 'souhaite rencontrer la personne',
  not_now: 'pas pour le moment',
  question: 'une question vous attend',
};

interface LinkRow {
  introduction_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  beneficiary_id: string;
  status: IntroductionStatus;
  card: CandidateCard | null;
  employer_name: string;
  offer_title: string | null;
  has_photo: boolean;
}

/**
 * What an employer without an account does with a card link: open it (recorded) and answer
 * (recorded; "interested" moves the introduction on). The consent is read on every opening, so a
 * revocation stops the link at once.
 */
@Injectable()
export class EmployerCardLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ManageConsents,
    private readonly introductions: ManageIntroductions,
    private readonly photos: ManagePhoto,
    private readonly notifications: RecordNotification,
  ) {}

  async open(token: string, viewer: { ip?: string } = {}): Promise<CardLinkState> {
    const state = await this.state(token);
    if (state.kind === 'open')
      await this.introductions.event(this.dataSource.manager, state.introductionId, 'viewed', null, null, null, {
        ip: viewer.ip ?? null,
      });
    return state;
  }

  /** The card's photo, under the same checks as the card (not recorded as a view). */
  async photo(token: string): Promise<Photo | null> {
    const state = await this.state(token);
    // `hasPhoto` already means a stored photo with its consent in force.
    return state.kind === 'open' && state.hasPhoto ? this.photos.stored(state.beneficiaryId) : null;
  }

  async answer(
    token: string,
    input: { answer: EmployerAnswer; message?: string; proposedInterview?: string },
  ): Promise<CardLinkState> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.state(token, true);
      if (state.kind !== 'open') return state;
      if (input.answer !== 'interested' && !input.message?.trim()) return { ...state, problem: 'message_required' };
      await this.introductions.event(manager, state.introductionId, 'answered', null, null, null, {
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
        await manager.query(
          `UPDATE introduction SET status = 'employer_interested', updated_at = now() WHERE id = $1`,
          [state.introductionId],
        );
        await this.introductions.event(
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
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'unknown' };
    const rows: LinkRow[] = await this.dataSource.query(
      `SELECT l.introduction_id, l.expires_at, l.revoked_at, n.beneficiary_id, n.status, n.card,
         e.name AS employer_name, o.title AS offer_title,
         EXISTS (SELECT 1 FROM beneficiary_photo p WHERE p.beneficiary_id = n.beneficiary_id) AS has_photo
       FROM card_link l JOIN introduction n ON n.id = l.introduction_id JOIN employer e ON e.id = n.employer_id
       LEFT JOIN offer o ON o.id = n.offer_id
       WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF n' : ''}`,
      [hashToken(token)],
    );
    const row = rows.at(0);
    if (!row) return { kind: 'unknown' };
    if (!row.card || ['hired', 'declined', 'withdrawn'].includes(row.status)) return { kind: 'gone', reason: 'closed' };
    if (row.revoked_at) return { kind: 'gone', reason: 'revoked' };
    if (row.expires_at.getTime() <= Date.now()) return { kind: 'gone', reason: 'expired' };
    if (!(await this.consents.isGranted(row.beneficiary_id, 'share_profile_with_employers')))
      return { kind: 'gone', reason: 'consent_revoked' };
    return {
      kind: 'open',
      introductionId: row.introduction_id,
      card: row.card,
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      status: row.status,
      expiresAt: row.expires_at,
      hasPhoto: row.has_photo && (await this.consents.isGranted(row.beneficiary_id, 'photo')),
      beneficiaryId: row.beneficiary_id,
    };
  }
}
