import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import { RequestAccess } from './ports/request-access.js';
import { type AccessClaims, TokenService } from './ports/token-service.js';
import { identityError } from '../domain/identity-errors.js';

export interface AuthenticatedActor extends Actor {
  /** The session (refresh-token family) the access token belongs to. */
  readonly sessionId: string;
  readonly enrolmentOnly: boolean;
  /** A temporary password (first admin, reset) must be changed before anything else. */
  readonly mustChangePassword: boolean;
}

/**
 * Turns a bearer token into the acting user. Roles and status are read from the database on each
 * request, so disabling a user or removing a role takes effect at once, not at token expiry. So is
 * the session: an access token works only while its session has a live refresh token, so a logout,
 * a password change or reset, a disabling, a detected token theft or the absolute lifetime end the
 * access tokens at once too (one lookup on a partial index of live tokens).
 */
@Injectable()
export class AuthenticateRequest {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RequestAccess,
    private readonly clock: Clock,
  ) {}

  async execute(token: string, request: { requestId?: string; ip?: string }): Promise<AuthenticatedActor> {
    return this.reread(await this.tokens.verify(token), request);
  }

  /**
   * The token checked now (signature, expiry: only a token this service signed gets further), the
   * user and session re-read in `actor`, not awaited here: a caller can start a request's work
   * alongside the read, and must not answer before `actor` is settled. `actor` has a handler
   * attached, so a refusal never goes unhandled while the caller's work runs.
   */
  async begin(
    token: string,
    request: { requestId?: string; ip?: string },
  ): Promise<{ readonly actor: Promise<AuthenticatedActor> }> {
    const claims = await this.tokens.verify(token);
    const actor = this.reread(claims, request);
    actor.catch(() => undefined);
    return { actor };
  }

  private async reread(
    claims: AccessClaims,
    request: { requestId?: string; ip?: string },
  ): Promise<AuthenticatedActor> {
    // The user and the session in one read: every authenticated request waits for it.
    const { user, sessionAlive } = await this.access.read(
      this.dataSource.manager,
      claims.userId,
      claims.sessionId,
      this.clock.now(),
    );
    if (!user || user.status !== 'active') {
      throw identityError('auth.user_inactive', 'this account is disabled');
    }
    if (!sessionAlive) {
      throw identityError('auth.session_ended', 'this session has ended: log in again');
    }
    return {
      userId: user.id,
      structureId: user.structureId,
      roles: user.roles,
      sessionId: claims.sessionId,
      enrolmentOnly: claims.enrolmentOnly,
      mustChangePassword: user.mustChangePassword,
      requestId: request.requestId,
      ip: request.ip,
    };
  }
}
