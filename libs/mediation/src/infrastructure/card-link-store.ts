import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CardLinkStore, type LinkRow, type ReminderTarget } from '../application/ports/card-link-store.js';

/** Signed links to a card (`card_link`): only the token's hash is kept. */
@Injectable()
export class SqlCardLinkStore extends CardLinkStore {
  async insert(
    manager: EntityManager,
    introductionId: string,
    tokenHash: string,
    expiresAt: Date,
    userId: string,
  ): Promise<string> {
    const links: Array<{ id: string }> = await manager.query(
      'INSERT INTO card_link (introduction_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [introductionId, tokenHash, expiresAt, userId],
    );
    return links[0].id;
  }

  /** Revokes every link of the introduction still in force (one revoked earlier keeps its date). */
  async revokeAll(manager: EntityManager, introductionId: string): Promise<void> {
    await manager.query('UPDATE card_link SET revoked_at = now() WHERE introduction_id = $1 AND revoked_at IS NULL', [
      introductionId,
    ]);
  }

  /** The link of this token hash with its introduction; `lock` locks the introduction until the transaction ends. */
  async byTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<LinkRow | null> {
    const rows: LinkRow[] = await manager.query(
      `SELECT l.introduction_id, l.expires_at, l.revoked_at, n.beneficiary_id, n.status, n.card,
         e.name AS employer_name, o.title AS offer_title,
         EXISTS (SELECT 1 FROM coaching_photo_v p WHERE p.beneficiary_id = n.beneficiary_id) AS has_photo
       FROM card_link l JOIN introduction n ON n.id = l.introduction_id JOIN employer e ON e.id = n.employer_id
       LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF n' : ''}`,
      [tokenHash],
    );
    return rows.at(0) ?? null;
  }

  /** The link and its introduction, for a person not erased; null when either is gone. */
  async reminderTarget(manager: EntityManager, linkId: string, introductionId: string): Promise<ReminderTarget | null> {
    const rows: Array<{
      status: string;
      created_by: string;
      created_at: Date;
      revoked_at: Date | null;
      email: string;
      employer_name: string;
      beneficiary_id: string;
    }> = await manager.query(
      `SELECT n.status, l.created_by, l.created_at, l.revoked_at, u.email, e.name AS employer_name, n.beneficiary_id
         FROM card_link l JOIN introduction n ON n.id = l.introduction_id JOIN identity_user_v u ON u.id = l.created_by
         JOIN employer e ON e.id = n.employer_id JOIN coaching_beneficiary_v b ON b.id = n.beneficiary_id
         WHERE l.id = $1 AND n.id = $2 AND b.erased_at IS NULL`,
      [linkId, introductionId],
    );
    const row = rows.at(0);
    return row
      ? {
          status: row.status,
          createdBy: row.created_by,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
          email: row.email,
          employerName: row.employer_name,
          beneficiaryId: row.beneficiary_id,
        }
      : null;
  }
}
