import type { EntityManager } from 'typeorm';
import { RequestAccess, type RequestAccessReading } from '../application/ports/request-access.js';
import type { InMemoryRefreshTokenStore } from './in-memory-refresh-token-store.js';
import type { InMemoryUserStore } from './in-memory-user-store.js';

/** The per-request re-check over the in-memory user and refresh-token stores. */
export class InMemoryRequestAccess extends RequestAccess {
  constructor(
    private readonly users: InMemoryUserStore,
    private readonly refreshTokens: InMemoryRefreshTokenStore,
  ) {
    super();
  }

  async read(manager: EntityManager, userId: string, familyId: string, now: Date): Promise<RequestAccessReading> {
    const user = await this.users.byId(manager, userId);
    if (!user) return { user: null, sessionAlive: false };
    const sessionAlive = this.refreshTokens.tokens.some(
      (token) =>
        token.familyId === familyId &&
        token.userId === userId &&
        token.revokedAt === null &&
        token.expiresAt.getTime() > now.getTime(),
    );
    const { id, structureId, roles, status, mustChangePassword } = user;
    return { user: { id, structureId, roles, status, mustChangePassword }, sessionAlive };
  }
}
