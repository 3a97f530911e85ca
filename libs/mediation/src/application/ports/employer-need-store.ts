import type { EntityManager } from 'typeorm';
import type { NeedContract, NeedFields } from '../../domain/employer-need.js';
import type { NewJobAnalysis } from './employer-store.js';

/** A need link as the public page reads it: whose, until when, and whether revoked. */
export interface NeedLinkRow {
  readonly id: string;
  readonly structureId: string;
  readonly structureName: string;
  /** Null: the structure's public form (the SIRET says who posts). */
  readonly employerId: string | null;
  readonly employerName: string | null;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly createdBy: string;
}

/** A link as the mediators list it (the token is never kept). */
export interface NeedLinkView {
  readonly id: string;
  readonly employerId: string | null;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly createdAt: Date;
}

/** A need received, with its draft (or qualified) job analysis and the first candidate sent for it. */
export interface NeedRow {
  readonly id: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly structureId: string;
  readonly viaPublicForm: boolean;
  readonly siret: string | null;
  readonly jobTitle: string;
  readonly place: string;
  readonly hours: string;
  readonly startOn: string | null;
  readonly contractType: NeedContract | null;
  readonly whatMatters: string | null;
  readonly contactName: string;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
  readonly receivedAt: Date;
  readonly jobAnalysisId: string;
  readonly qualifiedAt: Date | null;
  readonly offerId: string | null;
  /** When the first candidate's card was sent for the job's offer: what stops the 48-hour clock. */
  readonly firstCandidateAt: Date | null;
}

/** Need links, the needs received and their draft job analyses. */
/** A need as its own link shows it back to the employer who posted it: what became of it. */
export interface PostedNeedState {
  readonly jobTitle: string;
  readonly receivedAt: Date;
  readonly qualifiedAt: Date | null;
  readonly published: boolean;
}

/** Whom to acknowledge a need to once it is qualified (the contact the employer left). */
export interface NeedAcknowledgement {
  readonly id: string;
  readonly structureId: string;
  readonly jobTitle: string;
  readonly receivedAt: Date;
  readonly contactName: string;
  readonly contactEmail: string | null;
}

export abstract class EmployerNeedStore {
  /** The needs posted through this link, newest first (an employer's own link only: callers check). */
  abstract postedThrough(manager: EntityManager, linkId: string): Promise<PostedNeedState[]>;

  /** The need a draft job analysis came from, if any. */
  abstract needOfAnalysis(manager: EntityManager, analysisId: string): Promise<NeedAcknowledgement | null>;

  abstract createLink(
    manager: EntityManager,
    link: {
      structureId: string;
      employerId: string | null;
      tokenHash: string;
      expiresAt: Date;
      createdBy: string;
    },
  ): Promise<string>;

  /** The link by its token's hash (locked until the transaction ends with `lock`); null when unknown. */
  abstract linkByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<NeedLinkRow | null>;

  /** Revokes the link when it belongs to one of `structures` (null: any); false when there is none. */
  abstract revokeLink(manager: EntityManager, id: string, structures: readonly string[] | null): Promise<boolean>;

  /** The links of an employer (`employerId`), or the public-form links of `structures` (null: all) with `employerId` null. */
  abstract links(
    manager: EntityManager,
    employerId: string | null,
    structures: readonly string[] | null,
  ): Promise<NeedLinkView[]>;

  /** The employer of the structure with this SIRET, if any. */
  abstract employerBySiret(
    manager: EntityManager,
    structureId: string,
    siret: string,
  ): Promise<{ id: string; name: string } | null>;

  /** Records the need as received at `receivedAt` and its draft job analysis; returns the need's id. */
  abstract receive(
    manager: EntityManager,
    need: {
      linkId: string;
      structureId: string;
      employerId: string;
      fields: NeedFields;
      draft: { title: string; schedule: string; conditions: string; analysedOn: string };
      receivedAt: Date;
      createdBy: string;
    },
  ): Promise<string>;

  /** The needs of `structures` (null: all), newest first. */
  abstract list(manager: EntityManager, structures: readonly string[] | null): Promise<NeedRow[]>;

  /** The draft job analysis of the employer, locked; null when there is none (or it is not a draft: `qualified`). */
  abstract lockAnalysis(
    manager: EntityManager,
    employerId: string,
    analysisId: string,
  ): Promise<{ status: 'draft' | 'qualified' } | null>;

  /** The draft analysis qualified (and its offer, if published): the mediator's words replace the employer's. */
  abstract qualifyAnalysis(
    manager: EntityManager,
    analysisId: string,
    input: NewJobAnalysis,
    offerId: string | null,
  ): Promise<void>;

  /** Marks the need behind this analysis qualified (none for an analysis made at the workplace). */
  abstract markQualified(manager: EntityManager, analysisId: string, userId: string, at: Date): Promise<void>;
}
