import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { hashToken, isCardToken } from '../domain/card-link.js';
import { EmployerNeedStore, type NeedLinkRow } from './ports/employer-need-store.js';

export type NeedLinkState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' }
  | { readonly kind: 'open'; readonly link: NeedLinkRow };

/** What a need link opens for an employer without an account: unknown, gone (revoked, expired) or the form. */
@Injectable()
export class NeedLinkStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly needs: EmployerNeedStore,
  ) {}

  /** With `manager`, the link is locked until its transaction ends (a revocation waits for a need being posted). */
  async of(token: string, manager?: EntityManager): Promise<NeedLinkState> {
    if (!isCardToken(token)) return { kind: 'unknown' };
    const link = await this.needs.linkByTokenHash(manager ?? this.dataSource.manager, hashToken(token), !!manager);
    if (!link) return { kind: 'unknown' };
    if (link.revokedAt) return { kind: 'gone', reason: 'revoked' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) return { kind: 'gone', reason: 'expired' };
    return { kind: 'open', link };
  }
}
