import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import type { ConsentPurpose } from '../domain/coaching.js';
import { ConsentStore, type ConsentView } from '../application/ports/consent-store.js';

/** Consents (`consent`): at most one in force per purpose; a revoked one stays, dated. Nothing caches them. */
@Injectable()
export class SqlConsentStore extends ConsentStore {
  override async list(manager: EntityManager, beneficiaryId: string): Promise<ConsentView[]> {
    const rows: Array<{
      purpose: ConsentPurpose;
      granted_at: Date;
      recorded_by: string;
      revoked_at: Date | null;
      revoked_by: string | null;
    }> = await manager.query('SELECT * FROM consent WHERE beneficiary_id = $1 ORDER BY granted_at', [beneficiaryId]);
    return rows.map((row) => ({
      purpose: row.purpose,
      grantedAt: row.granted_at,
      recordedBy: row.recorded_by,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
    }));
  }

  /** Records the consent; false when one is already in force for this purpose. */
  override async grant(
    manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO consent (beneficiary_id, purpose, recorded_by) VALUES ($1, $2, $3)
       ON CONFLICT (beneficiary_id, purpose) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [beneficiaryId, purpose, userId],
    );
    return inserted.length > 0;
  }

  /** Revokes the consent in force; false when there is none for this purpose. */
  override async revoke(
    manager: EntityManager,
    beneficiaryId: string,
    purpose: ConsentPurpose,
    userId: string | null,
  ): Promise<boolean> {
    const updated: unknown[] = await updateReturning(
      manager,
      `UPDATE consent SET revoked_at = now(), revoked_by = $3
       WHERE beneficiary_id = $1 AND purpose = $2 AND revoked_at IS NULL RETURNING id`,
      [beneficiaryId, purpose, userId],
    );
    return updated.length > 0;
  }

  /** In force now, for a person not erased. */
  override async isGranted(manager: EntityManager, beneficiaryId: string, purpose: ConsentPurpose): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM consent c JOIN beneficiary b ON b.id = c.beneficiary_id
       WHERE c.beneficiary_id = $1 AND c.purpose = $2 AND c.revoked_at IS NULL AND b.erased_at IS NULL`,
      [beneficiaryId, purpose],
    );
    return rows.length > 0;
  }
}
