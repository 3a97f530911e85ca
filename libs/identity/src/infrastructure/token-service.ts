import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { identityError } from '../domain/identity-errors.js';
import { type AccessClaims, TokenService } from '../application/ports/token-service.js';

const ISSUER = 'passerelle';
const AUDIENCE = 'passerelle-api';

/** Verified access tokens kept (a few per active user). */
const VERIFIED_MAX = 10_000;

/** Short-lived HS256 access tokens (JWT, signed with jose). */
@Injectable()
export class JoseTokenService extends TokenService {
  private readonly verified = new Map<string, { readonly claims: AccessClaims; readonly expiresAtMs: number }>();

  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {
    super();
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  sign(claims: AccessClaims, now = new Date()): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({ sid: claims.sessionId, ...(claims.enrolmentOnly ? { enr: true } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.config.auth.accessTokenTtlSeconds)
      .sign(this.key);
  }

  /**
   * Every request verifies its token: a token already verified is kept with its claims until it
   * expires (VERIFIED_MAX at most), so its signature is checked once, not on each call (webcrypto's
   * HMAC goes through the thread pool). Revocation does not depend on this: the session is
   * re-checked in the database on every request (AuthenticateRequest).
   */
  async verify(token: string): Promise<AccessClaims> {
    const kept = this.verified.get(token);
    if (kept) {
      if (Date.now() < kept.expiresAtMs) return kept.claims;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims missing');
      const claims = { userId: payload.sub, sessionId: payload.sid, enrolmentOnly: payload.enr === true };
      if (typeof payload.exp === 'number') {
        this.verified.set(token, { claims, expiresAtMs: payload.exp * 1000 });
        if (this.verified.size > VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
      }
      return claims;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw identityError('auth.token_expired', 'the access token has expired: refresh it');
      }
      throw identityError('auth.token_invalid', 'the access token is not valid');
    }
  }
}
