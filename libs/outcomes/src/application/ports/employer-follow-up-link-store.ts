import type { EntityManager } from 'typeorm';
import type { EmployerFollowUpAnswer, EmployerLinkState } from '../../domain/employer-follow-up.js';
import type { Milestone, PlacementEndReason } from '../../domain/outcomes.js';

/** A link with its checkpoint, its person (first name, initial) and its placement: what its page needs. */
export interface EmployerLinkRow {
  readonly id: string;
  readonly followUpId: string;
  readonly beneficiaryId: string;
  readonly structureId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly erased: boolean;
  readonly milestone: Milestone;
  readonly placementId: string;
  readonly employerName: string;
  readonly startDate: string;
  readonly jobLabel: string;
  readonly assigneeUserId: string | null;
  readonly referentUserId: string | null;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly firstOpenedAt: Date | null;
  readonly answeredAt: Date | null;
  readonly answer: EmployerFollowUpAnswer | null;
}

/** A link as the staff list it (the token is never kept). */
export interface EmployerLinkView {
  readonly id: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly state: EmployerLinkState;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly openedAt: Date | null;
  readonly answeredAt: Date | null;
}

export interface NewEmployerLink {
  readonly followUpId: string;
  readonly tokenHash: string;
  readonly contactId: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly jobLabel: string;
  readonly expiresAt: Date;
  readonly createdBy: string;
}

/** The employers' follow-up links (`follow_up_employer_link`) and the answers given through them. */
export abstract class EmployerFollowUpLinkStore {
  abstract insert(manager: EntityManager, link: NewEmployerLink): Promise<string>;

  /** The link by its token's hash (locked until the transaction ends with `lock`); null when unknown. */
  abstract byTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<EmployerLinkRow | null>;

  /** Records the first opening (later ones change nothing). */
  abstract markOpened(manager: EntityManager, id: string): Promise<void>;

  abstract answer(manager: EntityManager, id: string, answer: EmployerFollowUpAnswer): Promise<void>;

  /** Whether the checkpoint already has an employer's answer (through any of its links). */
  abstract answered(manager: EntityManager, followUpId: string): Promise<boolean>;

  /** The checkpoint's links, newest first. */
  abstract list(manager: EntityManager, followUpId: string): Promise<EmployerLinkView[]>;

  /** Revokes a link of the checkpoint not revoked yet; false when there is none. */
  abstract revoke(manager: EntityManager, followUpId: string, id: string, userId: string): Promise<boolean>;

  /**
   * The users' display names (the acknowledgement names who the answer went to), never a login:
   * null for one whose display name is their login (see employerFacingStaffName).
   */
  abstract userNames(manager: EntityManager, ids: readonly string[]): Promise<Array<string | null>>;
}

export type { PlacementEndReason };
