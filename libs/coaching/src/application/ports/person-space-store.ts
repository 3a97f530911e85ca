import type { EntityManager } from 'typeorm';
import type { AppointmentKind } from '../../domain/appointment.js';

/** A space link with its person, as opening it needs them. */
export interface SpaceLinkRow {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly structureId: string;
  readonly referentUserId: string | null;
  readonly firstName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  /** Still followed (oriented or in coaching) and not erased. */
  readonly followed: boolean;
}

/** What the coach sees of the links sent to a person. */
export interface SpaceLinkView {
  readonly id: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly devices: number;
  readonly lastSeenAt: Date | null;
}

export interface SpaceCodeRow {
  readonly id: string;
  readonly codeHash: string;
  readonly expiresAt: Date;
  readonly failedAttempts: number;
  readonly usedAt: Date | null;
}

/** An appointment coming for the person, as their space shows it. */
export interface PersonAppointment {
  readonly id: string;
  readonly coachUserId: string;
  readonly kind: AppointmentKind;
  readonly title: string | null;
  readonly place: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly confirmedAt: Date | null;
  readonly moveRequestedAt: Date | null;
  readonly moveRequest: string | null;
}

/** The person's space links, the devices admitted to each and the short codes sent. */
export abstract class PersonSpaceStore {
  abstract insertLink(
    manager: EntityManager,
    link: { beneficiaryId: string; tokenHash: string; expiresAt: Date; createdBy: string },
  ): Promise<string>;

  /** Revokes the person's links still in force; returns how many. */
  abstract revokeLinks(manager: EntityManager, beneficiaryId: string): Promise<number>;

  abstract links(manager: EntityManager, beneficiaryId: string): Promise<SpaceLinkView[]>;

  /** The link of this token hash with its person; `lock` holds the link until the transaction ends. */
  abstract linkByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<SpaceLinkRow | null>;

  /** The person's names as their documents give them (first and last, either may be missing). */
  abstract personName(manager: EntityManager, beneficiaryId: string): Promise<string>;

  /** The device of this cookie hash admitted to the link, its last visit refreshed; null when none. */
  abstract touchDevice(manager: EntityManager, linkId: string, deviceHash: string): Promise<string | null>;

  abstract deviceCount(manager: EntityManager, linkId: string): Promise<number>;

  abstract insertDevice(
    manager: EntityManager,
    linkId: string,
    deviceHash: string,
    admittedBy: 'first_opening' | 'code',
  ): Promise<string>;

  /** Codes sent for the link since `since`. */
  abstract codesSince(manager: EntityManager, linkId: string, since: Date): Promise<number>;

  abstract insertCode(manager: EntityManager, linkId: string, codeHash: string, expiresAt: Date): Promise<void>;

  /** The latest code sent for the link, locked; null when none. */
  abstract latestCode(manager: EntityManager, linkId: string): Promise<SpaceCodeRow | null>;

  abstract failCode(manager: EntityManager, codeId: string): Promise<void>;

  abstract useCode(manager: EntityManager, codeId: string): Promise<void>;

  /** The person's appointments not cancelled that end after `now`, soonest first. */
  abstract appointments(manager: EntityManager, beneficiaryId: string, now: Date): Promise<PersonAppointment[]>;

  /**
   * The person confirms a coming appointment, or asks to move it (with their message); null when it
   * is not theirs, cancelled or over.
   */
  abstract answerAppointment(
    manager: EntityManager,
    beneficiaryId: string,
    appointmentId: string,
    answer: { confirm: true } | { moveRequest: string },
    now: Date,
  ): Promise<PersonAppointment | null>;
}
