import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RefreshTokenStore } from './ports/refresh-token-store.js';
import { hashRefreshToken } from './session-issuer.js';

/** Logout: revokes every refresh token of the session. Idempotent; an unknown token is no error. */
@Injectable()
export class RevokeSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokenStore,
  ) {}

  async execute(refreshToken: string): Promise<void> {
    const manager = this.dataSource.manager;
    const token = await this.refreshTokens.byHash(manager, hashRefreshToken(refreshToken));
    if (!token) return;
    await this.refreshTokens.revokeFamily(manager, token.familyId, 'logout', new Date());
  }
}
