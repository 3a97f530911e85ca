import type { EntityManager } from 'typeorm';

/** Mediation's tables cleared of a person, in the caller's transaction. */
export abstract class MediationErasureStore {
  abstract erase(manager: EntityManager, beneficiaryId: string): Promise<void>;
}
