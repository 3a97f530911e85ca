import type { EntityManager } from 'typeorm';

/** Outcomes' tables cleared of a person, in the caller's transaction. */
export abstract class OutcomesErasureStore {
  abstract erase(manager: EntityManager, beneficiaryId: string): Promise<void>;
}
