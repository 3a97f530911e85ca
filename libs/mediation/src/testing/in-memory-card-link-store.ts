import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CardLinkStore, type LinkRow, type ReminderTarget } from '../application/ports/card-link-store.js';
import type { InMemoryIntroductionStore } from './in-memory-introduction-store.js';

/** A card link as recorded: only its token's hash. */
export interface StoredLink {
  readonly id: string;
  readonly introductionId: string;
  readonly tokenHash: string;
  expiresAt: Date;
  readonly createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Card links held in an array, joined to the in-memory introductions; the manager is ignored.
 * The people with a photo and the users' e-mails it joins in SQL are given to it.
 */
export class InMemoryCardLinkStore extends CardLinkStore {
  readonly links: StoredLink[] = [];
  /** People with a stored photo. */
  readonly photos = new Set<string>();
  /** Users' e-mails, by id. */
  readonly emails = new Map<string, string>();

  constructor(private readonly introductions: InMemoryIntroductionStore) {
    super();
  }

  /** The links of one introduction. */
  of(introductionId: string): StoredLink[] {
    return this.links.filter((link) => link.introductionId === introductionId);
  }

  insert(
    _manager: EntityManager,
    introductionId: string,
    tokenHash: string,
    expiresAt: Date,
    userId: string,
  ): Promise<string> {
    const id = randomUUID();
    this.links.push({
      id,
      introductionId,
      tokenHash,
      expiresAt,
      createdBy: userId,
      createdAt: new Date(),
      revokedAt: null,
    });
    const senders = this.introductions.linkSenders.get(introductionId) ?? new Set<string>();
    this.introductions.linkSenders.set(introductionId, senders.add(userId));
    return Promise.resolve(id);
  }

  revokeAll(_manager: EntityManager, introductionId: string): Promise<void> {
    for (const link of this.of(introductionId)) link.revokedAt ??= new Date();
    return Promise.resolve();
  }

  byTokenHash(_manager: EntityManager, tokenHash: string, _lock: boolean): Promise<LinkRow | null> {
    const link = this.links.find((one) => one.tokenHash === tokenHash);
    const row = link ? this.introductions.rows.get(link.introductionId) : undefined;
    if (!link || !row) return Promise.resolve(null);
    return Promise.resolve({
      introduction_id: row.id,
      expires_at: link.expiresAt,
      revoked_at: link.revokedAt,
      beneficiary_id: row.beneficiary_id,
      status: row.status,
      card: row.card,
      employer_name: row.employer_name,
      offer_title: row.offer_title,
      has_photo: this.photos.has(row.beneficiary_id),
    });
  }

  reminderTarget(_manager: EntityManager, linkId: string, introductionId: string): Promise<ReminderTarget | null> {
    const link = this.links.find((one) => one.id === linkId && one.introductionId === introductionId);
    const row = this.introductions.rows.get(introductionId);
    if (!link || !row) return Promise.resolve(null);
    return Promise.resolve({
      status: row.status,
      createdBy: link.createdBy,
      createdAt: link.createdAt,
      revokedAt: link.revokedAt,
      email: this.emails.get(link.createdBy) ?? `${link.createdBy}@example.org`,
      employerName: row.employer_name,
      beneficiaryId: row.beneficiary_id,
    });
  }
}
