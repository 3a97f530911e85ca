import type { EntityManager } from 'typeorm';

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly message: string;
  readonly dueOn: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** One notification for one user, about one subject the user may open (its page links to it). */
export interface NewNotification {
  readonly userId: string;
  /** What happened: `candidate_request`, `employer_answer`, `follow_up_due`... */
  readonly kind: string;
  /** What it is about, opened from the inbox: `introduction`, `candidate_request`, `follow_up`, `beneficiary`. */
  readonly subjectType: string;
  readonly subjectId: string;
  /**
   * Shown as is in the inbox: it names what the recipient may already see (an offer, an employer),
   * never a welfare status or a detail of the person's file.
   */
  readonly message: string;
  readonly dueOn?: string | null;
}

/** The inbox: one notification per kind, subject and user. */
export abstract class NotificationStore {
  abstract list(manager: EntityManager, userId: string, unreadOnly: boolean): Promise<NotificationView[]>;

  abstract unreadCount(manager: EntityManager, userId: string): Promise<number>;

  /** False when the user has no such notification. */
  abstract markRead(manager: EntityManager, userId: string, id: string): Promise<boolean>;

  /**
   * Records it, or under `refresh` makes a repeat unread again with its new text; returns the user
   * when it was recorded or refreshed (nobody when `once` finds it there already).
   */
  abstract record(manager: EntityManager, notification: NewNotification, mode: 'once' | 'refresh'): Promise<string[]>;

  /** Withdraws every retention notice but those of `keptFor` (the files still coming up for anonymisation). */
  abstract withdrawRetentionNotices(manager: EntityManager, keptFor: readonly string[]): Promise<void>;

  /**
   * Withdraws the notifications of `kind` about people: those of `about`, or every person but those
   * of `keptFor`.
   */
  abstract withdrawKind(
    manager: EntityManager,
    kind: string,
    which: { readonly about: readonly string[] } | { readonly keptFor: readonly string[] },
  ): Promise<void>;

  /** Deletes every notification about these subjects (a person's erasure, in the caller's transaction). */
  abstract withdrawAbout(
    manager: EntityManager,
    subjects: ReadonlyArray<{ subjectType: string; subjectId: string }>,
  ): Promise<void>;

  /** The notifications about a person (their export). */
  abstract aboutPerson(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ kind: string; message: string; createdAt: Date }>>;
}
