import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CheckConsent } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { hashToken, isCardToken } from '../domain/card-link.js';
import { isClosed } from '../domain/introduction.js';
import { type ShortlistDetail, type ShortlistEntry, ShortlistStore } from './ports/shortlist-store.js';

/** A person of the shortlist the employer may see: a card, a consent in force, an introduction open. */
export type VisibleEntry = ShortlistEntry & { readonly card: NonNullable<ShortlistEntry['card']> };

export type ShortlistPageState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'consent_revoked' | 'closed' }
  | {
      readonly kind: 'open';
      readonly shortlist: ShortlistDetail;
      readonly entries: readonly VisibleEntry[];
      /** The answer just taken: for whom, and who heard of it (the page acknowledges it). */
      /** Recipients: their names, null for one whose name an employer may not read (the page says "the team"). */
      readonly acknowledged?: { readonly entryId: string; readonly recipients: readonly (string | null)[] };
      /** An answer that could not be taken, and why (French, for the page). */
      readonly problem?: { readonly entryId: string; readonly text: string };
    };

/**
 * What a shortlist link shows an employer without an account: unknown, gone (expired, revoked, or
 * nobody left to show) or open with the people still shown. Each person's consent is read on every
 * opening: a revoked consent takes their card off the page at once.
 */
@Injectable()
export class ShortlistPageStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: CheckConsent,
    private readonly shortlists: ShortlistStore,
    private readonly clock: Clock,
  ) {}

  async of(token: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ShortlistPageState> {
    if (!isCardToken(token)) return { kind: 'unknown' };
    const id = await this.shortlists.idByTokenHash(manager, hashToken(token), lock);
    const shortlist = id ? await this.shortlists.detail(manager, id) : null;
    if (!shortlist) return { kind: 'unknown' };
    if (shortlist.revokedAt) return { kind: 'gone', reason: 'revoked' };
    if (shortlist.expiresAt.getTime() <= this.clock.now().getTime()) return { kind: 'gone', reason: 'expired' };
    const entries: VisibleEntry[] = [];
    let consentRevoked = false;
    for (const entry of shortlist.entries) {
      if (!entry.card || isClosed(entry.status)) continue;
      if (!(await this.consents.execute(entry.beneficiaryId, 'share_profile_with_employers', manager))) {
        consentRevoked = true;
        continue;
      }
      entries.push({ ...entry, card: entry.card });
    }
    if (entries.length === 0) return { kind: 'gone', reason: consentRevoked ? 'consent_revoked' : 'closed' };
    return { kind: 'open', shortlist, entries };
  }
}
