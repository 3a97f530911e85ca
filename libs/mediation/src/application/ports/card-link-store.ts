import type { EntityManager } from 'typeorm';
import type { CandidateCard } from '../../domain/candidate-card.js';
import type { IntroductionStatus } from '../../domain/introduction.js';

/** A link as the employer's page reads it, with its introduction. */
export interface LinkRow {
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

/** What the reminder of a link needs: whether it still waits on the employer, and whom to tell. */
export interface ReminderTarget {
  readonly status: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly email: string;
  readonly employerName: string;
  readonly beneficiaryId: string;
}

/** Signed links to a card: only the token's hash is kept. */
export abstract class CardLinkStore {
  abstract insert(
    manager: EntityManager,
    introductionId: string,
    tokenHash: string,
    expiresAt: Date,
    userId: string,
  ): Promise<string>;

  /** Revokes every link of the introduction still in force (one revoked earlier keeps its date). */
  abstract revokeAll(manager: EntityManager, introductionId: string): Promise<void>;

  /** The link of this token hash with its introduction; `lock` locks the introduction until the transaction ends. */
  abstract byTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<LinkRow | null>;

  /** The link and its introduction, for a person not erased; null when either is gone. */
  abstract reminderTarget(
    manager: EntityManager,
    linkId: string,
    introductionId: string,
  ): Promise<ReminderTarget | null>;
}
