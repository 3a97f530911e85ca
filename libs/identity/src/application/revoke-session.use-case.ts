import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity.js';
import { hashRefreshToken } from './session-issuer.js';

/** Logout: revokes every refresh token of the session. Idempotent; an unknown token is no error. */
@Injectable()
export class RevokeSession {
  constructor(@InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>) {}

  async execute(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (!token) return;
    await this.refreshTokens.update(
      { familyId: token.familyId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: 'logout' },
    );
  }
}
