import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG, Clock, type ResolvedConfig } from '@passerelle/core';
import { AuditLog } from '../infrastructure/audit-log.js';
import { RefreshTokenEntity, type SecondFactor } from '../infrastructure/refresh-token.entity.js';
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

/** What a session keeps from its login across refreshes. */
export interface SessionOrigin {
  readonly familyId: string;
  readonly startedAt: Date;
  readonly secondFactor: SecondFactor | null;
}

/**
 * Issues an access token and a rotating, revocable refresh token (stored as a hash only). A session
 * lives at most the configured absolute lifetime from its login: no refresh token outlives it.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The end of every successful login: last-login time, a new session, and the audit row. */
  async completeLogin(
    user: UserEntity,
    client: ClientInfo,
    secondFactor: SecondFactor | null,
    details: Record<string, unknown>,
  ): Promise<Session> {
    const now = this.clock.now();
    user.lastLoginAt = now;
    await this.refreshTokens.manager.save(user);
    const { session } = await this.issue(user, client, { familyId: randomUUID(), startedAt: now, secondFactor });
    await this.audit.record(
      { userId: user.id, structureId: user.structureId, roles: user.roles, ip: client.ip },
      'login',
      [{ type: 'user', id: user.id, structureId: user.structureId }],
      details,
    );
    return session;
  }

  requiresSecondFactor(user: Pick<UserEntity, 'roles'>): boolean {
    return user.roles.some((role) => this.config.auth.totpRequiredRoles.includes(role));
  }

  /**
   * The roles require a second factor the session has not proven: only enrolment is allowed. Being
   * linked to an SSO exempts nothing; only a login through the SSO that asserted its own does.
   */
  requiresTotpEnrolment(user: UserEntity, secondFactor: SecondFactor | null): boolean {
    return this.requiresSecondFactor(user) && user.totpEnabledAt === null && secondFactor !== 'sso';
  }

  async issue(
    user: UserEntity,
    client: ClientInfo,
    origin: SessionOrigin,
    manager = this.refreshTokens.manager,
  ): Promise<{ session: Session; refreshTokenId: string }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const sessionEnd = origin.startedAt.getTime() + this.config.auth.sessionLifetimeHours * 3_600_000;
    const row = manager.create(RefreshTokenEntity, {
      userId: user.id,
      familyId: origin.familyId,
      tokenHash: hashRefreshToken(refreshToken),
      sessionStartedAt: origin.startedAt,
      secondFactor: origin.secondFactor,
      // Refreshing rotates the token but never moves the session's end.
      expiresAt: new Date(Math.min(now + this.config.auth.refreshTokenTtlDays * 86_400_000, sessionEnd)),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    await manager.save(row);
    const enrolmentOnly = this.requiresTotpEnrolment(user, origin.secondFactor);
    const accessToken = await this.tokens.sign({ userId: user.id, sessionId: origin.familyId, enrolmentOnly });
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
