import type { EntityManager } from 'typeorm';
import type { CandidateCard } from '../../domain/candidate-card.js';
import type { EmployerAnswer } from '../../domain/employer.js';
import type { IntroductionStatus } from '../../domain/introduction.js';
import type { OfferedSlot, RefusalReason } from '../../domain/shortlist.js';

export interface NewShortlist {
  readonly offerId: string;
  readonly employerId: string;
  readonly structureId: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly slots: readonly OfferedSlot[];
  readonly contactId: string | null;
  /** The link, sealed (LinkSealer), when it was e-mailed to the contact: e-mailed again later. */
  readonly linkSealed: string | null;
  readonly createdBy: string;
  /** In the order the employer sees them. */
  readonly introductionIds: readonly string[];
}

export interface ShortlistMessage {
  readonly id: string;
  readonly authorKind: 'employer' | 'user';
  readonly authorName: string | null;
  readonly body: string;
  readonly at: Date;
}

/** One person of a shortlist with the employer's answer (the card is null once the person is erased). */
export interface ShortlistEntry {
  readonly id: string;
  readonly introductionId: string;
  readonly beneficiaryId: string;
  readonly position: number;
  readonly status: IntroductionStatus;
  readonly card: CandidateCard | null;
  readonly hasPhoto: boolean;
  readonly answer: EmployerAnswer | null;
  readonly slotStartsAt: Date | null;
  readonly proposedSlot: string | null;
  readonly refusalReason: RefusalReason | null;
  readonly freeText: string | null;
  readonly appointmentId: string | null;
  readonly answeredAt: Date | null;
  readonly messages: readonly ShortlistMessage[];
}

/** A shortlist with its offer, employer, sender and entries. */
export interface ShortlistDetail {
  readonly id: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly structureId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly slots: readonly OfferedSlot[];
  readonly createdBy: string;
  readonly senderName: string;
  readonly createdAt: Date;
  /** The contact the link was e-mailed to (null: given by hand), who hears of replies and the reminder. */
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly reminder: ShortlistReminder | null;
  readonly entries: readonly ShortlistEntry[];
}

export type ReminderChannel = 'email' | 'call';

/** The one follow-up of a shortlist left unanswered: the contact e-mailed, or a call asked of the mediator. */
export interface ShortlistReminder {
  readonly at: Date;
  readonly channel: ReminderChannel;
}

/** What the e-mails to the employer about a shortlist need (the sealed link among them). */
export interface ShortlistMailTarget {
  readonly id: string;
  readonly structureId: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly offerTitle: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly contactId: string | null;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly linkSealed: string | null;
  readonly reminder: ShortlistReminder | null;
  /** The people still without an answer. */
  readonly waitingBeneficiaryIds: readonly string[];
}

/** A shortlist in a list: its counts of answers. */
export interface ShortlistSummary {
  readonly id: string;
  readonly offerId: string;
  readonly offerTitle: string;
  readonly employerName: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly cards: number;
  readonly answered: number;
  /** Questions the employer asked that have no reply after them yet. */
  readonly openQuestions: number;
  readonly reminder: ShortlistReminder | null;
}

/** Refusal reasons counted, by offer and by structure. */
export interface RefusalReasonCounts {
  readonly byOffer: ReadonlyArray<{ offerId: string; offerTitle: string; reason: RefusalReason; count: number }>;
  readonly byStructure: ReadonlyArray<{
    structureId: string;
    structureName: string;
    reason: RefusalReason;
    count: number;
  }>;
}

/** Shortlists (`shortlist`, `shortlist_entry`, `shortlist_message`): only the token's hash is kept. */
export abstract class ShortlistStore {
  abstract insert(manager: EntityManager, shortlist: NewShortlist): Promise<string>;

  /** The shortlist of this token hash (null: none); `lock` locks it until the transaction ends. */
  abstract idByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<string | null>;

  abstract detail(manager: EntityManager, id: string): Promise<ShortlistDetail | null>;

  /** Shortlists of `structures` (null: all) or sent by `userId`, newest first, optionally of one offer. */
  abstract list(
    manager: EntityManager,
    structures: readonly string[] | null,
    userId: string,
    filter: { offerId?: string },
  ): Promise<ShortlistSummary[]>;

  abstract recordAnswer(
    manager: EntityManager,
    entryId: string,
    answer: {
      answer: EmployerAnswer;
      slotStartsAt: Date | null;
      proposedSlot: string | null;
      refusalReason: RefusalReason | null;
      freeText: string | null;
      appointmentId: string | null;
    },
  ): Promise<void>;

  abstract addMessage(
    manager: EntityManager,
    entryId: string,
    author: { kind: 'employer' } | { kind: 'user'; userId: string },
    body: string,
  ): Promise<void>;

  /**
   * The display names of these users (those who hear of an answer), in the order given; unknown ones
   * left out; null for one whose display name is their login, never shown (see employerFacingStaffName).
   */
  abstract userNames(manager: EntityManager, userIds: readonly string[]): Promise<Array<string | null>>;

  /**
   * The shortlists that may be due a reminder at `now`: never reminded, not revoked, not expired,
   * sent at or before `sentBy`, with at least one person still without an answer; with the INSEE
   * code of the employer's commune (its working days follow its département's public holidays).
   */
  abstract reminderCandidates(
    manager: EntityManager,
    sentBy: Date,
    now: Date,
  ): Promise<Array<{ id: string; createdAt: Date; employerCommuneInsee: string }>>;

  /** The shortlist as its e-mails need it; `lock` locks it until the transaction ends. */
  abstract mailTarget(manager: EntityManager, id: string, lock: boolean): Promise<ShortlistMailTarget | null>;

  /** Records the one reminder; false when one was already recorded. */
  abstract markReminded(manager: EntityManager, id: string, channel: ReminderChannel, at: Date): Promise<boolean>;

  /** Revokes the link (one revoked earlier keeps its date). */
  abstract revoke(manager: EntityManager, id: string): Promise<void>;

  /** Refusal reasons given from `from` to `to` (Paris days, both included) on introductions of `structures` (null: all). */
  abstract refusalReasons(
    manager: EntityManager,
    structures: readonly string[] | null,
    period: { from: string; to: string },
  ): Promise<RefusalReasonCounts>;
}
