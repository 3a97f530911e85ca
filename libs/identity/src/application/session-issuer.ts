import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, Clock, type ResolvedConfig } from '@passerelle/core';
import { AuditLog } from './ports/audit-log.js';
import { RefreshTokenStore, type SecondFactor } from './ports/refresh-token-store.js';
import { TokenService } from './ports/token-service.js';
import { type User, UserStore } from './ports/user-store.js';
import { toUserView, type UserView } from './user-view.js';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  /** The roles require a second factor the user has not enrolled: only enrolment is allowed. */
  readonly totpEnrolmentRequired: boolean;
  /**
   * The signed-in user as the session starts or is refreshed: a client that opens with a refresh needs no
   * second request to learn who it is (the user row is read here anyway).
   */
  readonly user: UserView;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The end of every successful login: last-login time, a new session, and the audit row. */
  async completeLogin(
    user: User,
    client: ClientInfo,
    secondFactor: SecondFactor | null,
    details: Record<string, unknown>,
  ): Promise<Session> {
    const now = this.clock.now();
    user.lastLoginAt = now;
    await this.users.save(this.dataSource.manager, user);
    const { session } = await this.issue(user, client, { familyId: randomUUID(), startedAt: now, secondFactor });
    await this.audit.record(
      { userId: user.id, structureId: user.structureId, roles: user.roles, ip: client.ip },
      'login',
      [{ type: 'user', id: user.id, structureId: user.structureId }],
      details,
    );
    return session;
  }

  requiresSecondFactor(user: Pick<User, 'roles'>): boolean {
    return user.roles.some((role) => this.config.auth.totpRequiredRoles.includes(role));
  }

  /**
   * The roles require a second factor the session has not proven: only enrolment is allowed. Being
   * linked to an SSO exempts nothing; only a login through the SSO that asserted its own does.
   */
  requiresTotpEnrolment(user: User, secondFactor: SecondFactor | null): boolean {
    return this.requiresSecondFactor(user) && user.totpEnabledAt === null && secondFactor !== 'sso';
  }

  async issue(
    user: User,
    client: ClientInfo,
    origin: SessionOrigin,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ session: Session; refreshTokenId: string }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    const sessionEnd = origin.startedAt.getTime() + this.config.auth.sessionLifetimeHours * 3_600_000;
    const row = await this.refreshTokens.create(manager, {
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
    const enrolmentOnly = this.requiresTotpEnrolment(user, origin.secondFactor);
    const accessToken = await this.tokens.sign({ userId: user.id, sessionId: origin.familyId, enrolmentOnly });
    return {
      session: {
        accessToken,
        refreshToken,
        tokenType: 'Bearer',
        expiresIn: this.tokens.accessTokenTtlSeconds,
        totpEnrolmentRequired: enrolmentOnly,
        user: toUserView(user),
      },
      refreshTokenId: row.id,
    };
  }
}
