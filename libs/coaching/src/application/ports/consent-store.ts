import type { EntityManager } from 'typeorm';
import type { ConsentPurpose } from '../../domain/coaching.js';

export interface ConsentView {
  readonly purpose: ConsentPurpose;
  readonly grantedAt: Date;
  readonly recordedBy: string;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

/** Consents: at most one in force per purpose; a revoked one stays, dated. Nothing caches them. */
export abstract class ConsentStore {
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<ConsentView[]>;

  /** Records the consent; false when one is already in force for this purpose. */
  abstract grant(
    manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string,
  ): Promise<boolean>;

  /** Revokes the consent in force (`userId` null: the person did, in their space); false when there is none for this purpose. */
  abstract revoke(
    manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string | null,
  ): Promise<boolean>;

  /** In force now, for a person not erased. */
  abstract isGranted(manager: EntityManager, beneficiaryId: string, purpose: ConsentPurpose): Promise<boolean>;
}
