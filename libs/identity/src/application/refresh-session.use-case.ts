import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, type DomainError } from '@passerelle/core';
import { RefreshTokenStore } from './ports/refresh-token-store.js';
import { UserStore } from './ports/user-store.js';
import { type ClientInfo, hashRefreshToken, type Session, SessionIssuer } from './session-issuer.js';
import { identityError } from '../domain/identity-errors.js';

const REFUSED = (): DomainError =>
  identityError('auth.refresh_refused', 'the refresh token is not valid: log in again');

/**
 * Exchanges a refresh token for a new pair and revokes the old one (rotation). A token presented
 * again after it was rotated means it was copied: the whole session family is revoked. The new
 * token keeps the session's start, so the absolute lifetime ends it whatever the refreshes.
 */
@Injectable()
export class RefreshSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly users: UserStore,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string, client: ClientInfo): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await this.refreshTokens.lockByHash(manager, hashRefreshToken(refreshToken));
      if (!current) return { refused: true as const };
      if (current.revokedAt !== null) {
        if (current.revokedReason === 'rotated') {
          await this.refreshTokens.revokeFamily(manager, current.familyId, 'reuse_detected', new Date());
        }
        return { refused: true as const };
      }
      if (current.expiresAt.getTime() <= this.clock.now().getTime()) return { refused: true as const };
      const user = await this.users.byId(manager, current.userId);
      if (!user || user.status !== 'active') return { refused: true as const };
      const { session, refreshTokenId } = await this.sessions.issue(
        user,
        client,
        { familyId: current.familyId, startedAt: current.sessionStartedAt, secondFactor: current.secondFactor },
        manager,
      );
      await this.refreshTokens.markRotated(manager, current.id, refreshTokenId, new Date());
      return { refused: false as const, session };
    });
    // Decided outside the transaction: the family revocation above must commit although the caller gets an error.
    if (outcome.refused) throw REFUSED();
    return outcome.session;
  }
}
