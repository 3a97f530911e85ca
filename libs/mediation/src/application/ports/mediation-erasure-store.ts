import type { EntityManager } from 'typeorm';

/** Mediation's tables cleared of a person, in the caller's transaction. */
export abstract class MediationErasureStore {
  abstract erase(manager: EntityManager, beneficiaryId: string): Promise<void>;

  /** What notifications about the person are about (their introductions and the requests about them): withdrawn through coaching's inbox. */
  abstract notificationSubjects(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ subjectType: string; subjectId: string }>>;
}
