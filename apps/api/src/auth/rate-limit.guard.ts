import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { APP_CONFIG, DomainError, type ResolvedConfig } from '@passerelle/core';

const WINDOW_SECONDS = 60;

/**
 * A per-address limit on the authentication endpoints (fixed one-minute windows, counted in Redis
 * so every API replica shares them). Failed logins have their own, stricter, per-account limit.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const limit = this.config.auth.rateLimitPerMinute;
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const key = `rate:auth:${request.ip ?? 'unknown'}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS * 2)
      .exec()) as [[null, number]];
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      const retryAfter = WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS);
      throw new DomainError('too_many_requests', 'auth.rate_limited', 'too many authentication requests: slow down', [
        { field: 'retryAfterSeconds', reason: String(retryAfter) },
      ]);
    }
    return true;
  }
}
