import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { type RefreshTokenDraft, RefreshTokenStore } from '../application/ports/refresh-token-store.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

/** Refresh tokens in `refresh_token`, through TypeORM. */
@Injectable()
export class SqlRefreshTokenStore extends RefreshTokenStore {
  create(manager: EntityManager, draft: RefreshTokenDraft): Promise<RefreshTokenEntity> {
    return manager.save(manager.create(RefreshTokenEntity, draft));
  }

  byHash(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  lockByHash(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return manager.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async revokeFamily(manager: EntityManager, familyId: string, reason: string, at: Date): Promise<void> {
    await manager.update(
      RefreshTokenEntity,
      { familyId, revokedAt: IsNull() },
      { revokedAt: at, revokedReason: reason },
    );
  }

  async markRotated(manager: EntityManager, id: string, replacedBy: string, at: Date): Promise<void> {
    await manager.update(RefreshTokenEntity, { id }, { revokedAt: at, revokedReason: 'rotated', replacedBy });
  }

  async revokeUserSessions(
    manager: EntityManager,
    userId: string,
    reason: string,
    at: Date,
    exceptFamilyId?: string,
  ): Promise<void> {
    await manager.update(
      RefreshTokenEntity,
      { userId, revokedAt: IsNull(), ...(exceptFamilyId !== undefined ? { familyId: Not(exceptFamilyId) } : {}) },
      { revokedAt: at, revokedReason: reason },
    );
  }
}
