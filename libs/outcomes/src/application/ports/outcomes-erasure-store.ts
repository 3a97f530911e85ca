import type { EntityManager } from 'typeorm';

/** Outcomes' tables cleared of a person, in the caller's transaction. */
export abstract class OutcomesErasureStore {
  abstract erase(manager: EntityManager, beneficiaryId: string): Promise<void>;

  /** What notifications about the person are about (their checkpoints): withdrawn through coaching's inbox. */
  abstract notificationSubjects(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<Array<{ subjectType: string; subjectId: string }>>;
}
