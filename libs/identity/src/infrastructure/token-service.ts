import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { identityError } from '../domain/identity-errors.js';
import { type AccessClaims, TokenService } from '../application/ports/token-service.js';

const ISSUER = 'passerelle';
const AUDIENCE = 'passerelle-api';

/** Short-lived HS256 access tokens (JWT, signed with jose). */
@Injectable()
export class JoseTokenService extends TokenService {
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

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims missing');
      return { userId: payload.sub, sessionId: payload.sid, enrolmentOnly: payload.enr === true };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw identityError('auth.token_expired', 'the access token has expired: refresh it');
      }
      throw identityError('auth.token_invalid', 'the access token is not valid');
    }
  }
}
