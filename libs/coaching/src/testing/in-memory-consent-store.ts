import type { EntityManager } from 'typeorm';
import { ConsentStore, type ConsentView } from '../application/ports/consent-store.js';
import type { ConsentPurpose } from '../domain/coaching.js';
import type { InMemoryBeneficiaryStore } from './in-memory-beneficiary-store.js';

interface StoredConsent {
  readonly beneficiaryId: string;
  readonly purpose: ConsentPurpose;
  readonly grantedAt: Date;
  readonly recordedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** Consents in memory: at most one in force per person and purpose; a revoked one stays, dated. */
export class InMemoryConsentStore extends ConsentStore {
  readonly consents: StoredConsent[] = [];

  /** The files, for "in force for a person not erased". */
  constructor(private readonly beneficiaries: InMemoryBeneficiaryStore) {
    super();
  }

  override list(_manager: EntityManager, beneficiaryId: string): Promise<ConsentView[]> {
    return Promise.resolve(
      this.consents
        .filter((consent) => consent.beneficiaryId === beneficiaryId)
        .map(({ beneficiaryId: _beneficiaryId, ...view }) => ({ ...view })),
    );
  }

  override grant(
    _manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string,
  ): Promise<boolean> {
    if (this.inForce(beneficiaryId, purpose)) return Promise.resolve(false);
    this.consents.push({
      beneficiaryId,
      purpose,
      grantedAt: new Date(),
      recordedBy: userId,
      revokedAt: null,
      revokedBy: null,
    });
    return Promise.resolve(true);
  }

  override revoke(
    _manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string,
  ): Promise<boolean> {
    const consent = this.inForce(beneficiaryId, purpose);
    if (!consent) return Promise.resolve(false);
    consent.revokedAt = new Date();
    consent.revokedBy = userId;
    return Promise.resolve(true);
  }

  override isGranted(_manager: EntityManager, beneficiaryId: string, purpose: ConsentPurpose): Promise<boolean> {
    const person = this.beneficiaries.rows.get(beneficiaryId);
    return Promise.resolve(
      person !== undefined && person.erased_at === null && this.inForce(beneficiaryId, purpose) !== undefined,
    );
  }

  private inForce(beneficiaryId: string, purpose: ConsentPurpose): StoredConsent | undefined {
    return this.consents.find(
      (consent) => consent.beneficiaryId === beneficiaryId && consent.purpose === purpose && consent.revokedAt === null,
    );
  }
}
