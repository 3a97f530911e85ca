import type { EntityManager } from 'typeorm';
import type { NewShare, SharedPart } from '../../domain/file-share.js';

/** A share of a person's file, as the referent coach and the person's export list it. */
export interface ShareView {
  readonly id: string;
  readonly recipientUserId: string;
  readonly recipientName: string;
  readonly grantedBy: string;
  readonly grantedByName: string;
  readonly parts: SharedPart[];
  readonly healthNoteVisible: boolean;
  readonly endsOn: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

/** A share in force, as the professional it was given to reads it. */
export interface ReceivedShare {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly structureId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly grantedByName: string;
  readonly parts: SharedPart[];
  readonly healthNoteVisible: boolean;
  readonly endsOn: string;
}

/** A professional a file may be shared with: an active coach, whatever their structure. */
export interface ShareRecipient {
  readonly userId: string;
  readonly displayName: string;
  readonly structureName: string;
}

/**
 * Shares of files (`beneficiary_share`). "In force" always means: not revoked, `today` on or before
 * its last day, the person's consent to sharing in force and the file not erased. Nothing caches it.
 */
export abstract class ShareStore {
  abstract insert(manager: EntityManager, beneficiaryId: string, grantedBy: string, share: NewShare): Promise<string>;

  /** Every share of the person's file, newest first, revoked and ended ones included. */
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<ShareView[]>;

  /** Revokes a share of this file not revoked yet; false when there is none. */
  abstract revoke(manager: EntityManager, beneficiaryId: string, shareId: string, userId: string): Promise<boolean>;

  /** The share in force of this file for this professional, or null. */
  abstract inForce(
    manager: EntityManager,
    beneficiaryId: string,
    recipientUserId: string,
    today: string,
  ): Promise<ReceivedShare | null>;

  /** The shares in force given to this professional, soonest ending first. */
  abstract received(manager: EntityManager, recipientUserId: string, today: string): Promise<ReceivedShare[]>;

  /**
   * Whether the user may receive a file the referent shares: `coach`, an active coach of the same
   * département as the referent (see `recipients`); `other_departement`, an active coach elsewhere;
   * `not_a_coach` otherwise.
   */
  abstract recipientStanding(
    manager: EntityManager,
    userId: string,
    referentUserId: string,
  ): Promise<'coach' | 'other_departement' | 'not_a_coach'>;

  /**
   * Active coaches other than `sharerUserId` in the sharer's département, by name. A structure's
   * département is the nearest structure of kind `departement` above it (itself included), or, in a
   * tree without one, its root.
   */
  abstract recipients(manager: EntityManager, sharerUserId: string): Promise<ShareRecipient[]>;
}
