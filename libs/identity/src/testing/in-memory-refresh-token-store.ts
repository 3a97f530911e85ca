import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type RefreshToken,
  type RefreshTokenDraft,
  RefreshTokenStore,
} from '../application/ports/refresh-token-store.js';

/** Refresh tokens in an array. */
export class InMemoryRefreshTokenStore extends RefreshTokenStore {
  readonly tokens: RefreshToken[] = [];

  /** A live token of a new session of `userId`, as a login would leave it. */
  seed(userId: string, overrides: Partial<RefreshToken> = {}): RefreshToken {
    const token: RefreshToken = {
      id: randomUUID(),
      userId,
      familyId: randomUUID(),
      tokenHash: randomUUID(),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      sessionStartedAt: new Date(),
      secondFactor: null,
      revokedAt: null,
      revokedReason: null,
      replacedBy: null,
      userAgent: null,
      ip: null,
      ...overrides,
    };
    this.tokens.push(token);
    return token;
  }

  create(_manager: EntityManager, draft: RefreshTokenDraft): Promise<RefreshToken> {
    return Promise.resolve({ ...this.seed(draft.userId, { ...draft, createdAt: new Date() }) });
  }

  byHash(_manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    const token = this.tokens.find((candidate) => candidate.tokenHash === tokenHash);
    return Promise.resolve(token ? { ...token } : null);
  }

  lockByHash(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return this.byHash(manager, tokenHash);
  }

  revokeFamily(_manager: EntityManager, familyId: string, reason: string, at: Date): Promise<void> {
    this.revokeWhere((token) => token.familyId === familyId, reason, at);
    return Promise.resolve();
  }

  markRotated(_manager: EntityManager, id: string, replacedBy: string, at: Date): Promise<void> {
    for (const token of this.tokens)
      if (token.id === id) Object.assign(token, { revokedAt: at, revokedReason: 'rotated', replacedBy });
    return Promise.resolve();
  }

  revokeUserSessions(
    _manager: EntityManager,
    userId: string,
    reason: string,
    at: Date,
    exceptFamilyId?: string,
  ): Promise<void> {
    this.revokeWhere((token) => token.userId === userId && token.familyId !== exceptFamilyId, reason, at);
    return Promise.resolve();
  }

  private revokeWhere(match: (token: RefreshToken) => boolean, reason: string, at: Date): void {
    for (const token of this.tokens)
      if (token.revokedAt === null && match(token)) Object.assign(token, { revokedAt: at, revokedReason: reason });
  }
}
