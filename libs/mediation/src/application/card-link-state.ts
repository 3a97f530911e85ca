import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CheckConsent } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import type { CandidateCard } from '../domain/candidate-card.js';
import { hashToken, isCardToken } from '../domain/card-link.js';
import { type IntroductionStatus, isClosed } from '../domain/introduction.js';
import { CardLinkStore } from './ports/card-link-store.js';

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

/**
 * What a card link shows an employer without an account: unknown, gone (closed, revoked, expired,
 * consent revoked) or open. The consent is read on every opening, so a revocation stops the link at once.
 * Expiry is judged by the application clock, the one that dated the link when it was sent.
 */
@Injectable()
export class CardLinkStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: CheckConsent,
    private readonly links: CardLinkStore,
    private readonly clock: Clock,
  ) {}

  async of(token: string, lock = false): Promise<CardLinkState> {
    if (!isCardToken(token)) return { kind: 'unknown' };
    const row = await this.links.byTokenHash(this.dataSource.manager, hashToken(token), lock);
    if (!row) return { kind: 'unknown' };
    if (!row.card || isClosed(row.status)) return { kind: 'gone', reason: 'closed' };
    if (row.revoked_at) return { kind: 'gone', reason: 'revoked' };
    if (row.expires_at.getTime() <= this.clock.now().getTime()) return { kind: 'gone', reason: 'expired' };
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
