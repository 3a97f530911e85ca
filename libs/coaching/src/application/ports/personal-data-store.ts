import type { EntityManager } from 'typeorm';

export interface RetentionCandidate {
  readonly id: string;
  readonly structureId: string;
  readonly referentUserId: string | null;
  /** `YYYY-MM-DD`: when the retention period started running. */
  readonly since: string;
  /** Never closed: the period runs from the last activity. */
  readonly inactive: boolean;
  /** The referent coach was told, with a date on or before today. */
  readonly noticed: boolean;
}

/** What personal-data rights read and clear across coaching's tables. */
export abstract class PersonalDataStore {
  /** Who accessed the person's file, when and how (the audit log rows about them), oldest first. */
  abstract accessLog(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ occurredAt: Date; actorUserId: string; action: string; details: Record<string, unknown> }>>;

  /**
   * Clears the person's personal fields and free text in coaching's tables (the caller's
   * transaction); the anonymous facts the indicators count stay.
   */
  abstract erase(manager: EntityManager, beneficiaryId: string): Promise<void>;

  /** Files whose retention period has started on or before `noticeCutoff`, oldest first. */
  abstract retentionCandidates(
    manager: EntityManager,
    noticeCutoff: string,
    today: string,
  ): Promise<RetentionCandidate[]>;

  /**
   * Locks the file and tells whether it is still due (its period started on or before `cutoff`): a
   * contact recorded since the list was read keeps the file.
   */
  abstract lockIfStillDue(manager: EntityManager, beneficiaryId: string, cutoff: string): Promise<boolean>;
}
