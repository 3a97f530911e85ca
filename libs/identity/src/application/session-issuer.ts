import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { AuditLog } from '../infrastructure/audit-log.js';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity.js';
import { TokenService } from '../infrastructure/token-service.js';
import type { UserEntity } from '../infrastructure/user.entity.js';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  /** The roles require a second factor the user has not enrolled: only enrolment is allowed. */
  readonly totpEnrolmentRequired: boolean;
}

export interface ClientInfo {
  readonly ip?: string;
  readonly userAgent?: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues an access token and a rotating, revocable refresh token (stored as a hash only). */
@Injectable()
export class SessionIssuer {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The end of every successful login: last-login time, a new session, and the audit row. */
  async completeLogin(user: UserEntity, client: ClientInfo, details: Record<string, unknown>): Promise<Session> {
    user.lastLoginAt = new Date();
    await this.refreshTokens.manager.save(user);
    const { session } = await this.issue(user, client);
    await this.audit.record(
      { userId: user.id, structureId: user.structureId, roles: user.roles, ip: client.ip },
      'login',
      [{ type: 'user', id: user.id, structureId: user.structureId }],
      details,
    );
    return session;
  }

  requiresTotpEnrolment(user: UserEntity): boolean {
    return (
      user.totpEnabledAt === null &&
      user.oidcSubject === null &&
      user.roles.some((role) => this.config.auth.totpRequiredRoles.includes(role))
    );
  }

  async issue(
    user: UserEntity,
    client: ClientInfo,
    familyId: string = randomUUID(),
    manager = this.refreshTokens.manager,
  ): Promise<{ session: Session; refreshTokenId: string }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const row = manager.create(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    await manager.save(row);
    const enrolmentOnly = this.requiresTotpEnrolment(user);
    const accessToken = await this.tokens.sign({ userId: user.id, sessionId: familyId, enrolmentOnly });
    return {
      session: {
        accessToken,
        refreshToken,
        tokenType: 'Bearer',
        expiresIn: this.tokens.accessTokenTtlSeconds,
        totpEnrolmentRequired: enrolmentOnly,
      },
      refreshTokenId: row.id,
    };
  }
}
