import { createHash } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { APP_CONFIG, type DomainError, type ErrorDetail, type ResolvedConfig } from '@passerelle/core';
import { coachingError } from '@passerelle/coaching';
import { identityError } from '@passerelle/identity';
import { mediationError } from '@passerelle/mediation';

const WINDOW_SECONDS = 60;

interface Bucket {
  readonly key: string;
  readonly limit: number;
}

/**
 * Fixed one-minute windows counted in Redis, so every API replica shares them. Each request counts
 * against all its buckets (it is counted even when refused, so hammering keeps the door shut); the
 * first bucket over its limit refuses it with 429 and Retry-After (set by the exception filter).
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: Redis) {}

  async hit(
    response: Response,
    buckets: readonly Bucket[],
    refuse: (details: readonly ErrorDetail[]) => DomainError,
  ): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const transaction = this.redis.multi();
    for (const bucket of buckets)
      transaction.incr(`rate:${bucket.key}:${window}`).expire(`rate:${bucket.key}:${window}`, WINDOW_SECONDS * 2);
    const results = (await transaction.exec()) as Array<[Error | null, number]>;
    const counts = buckets.map((bucket, index) => ({ ...bucket, count: results[index * 2][1] }));
    const tightest = counts.reduce((a, b) => (b.limit - b.count < a.limit - a.count ? b : a));
    response.setHeader('RateLimit-Limit', String(tightest.limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, tightest.limit - tightest.count)));
    if (counts.some((bucket) => bucket.count > bucket.limit)) {
      const retryAfter = WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % WINDOW_SECONDS);
      throw refuse([{ field: 'retryAfterSeconds', reason: String(retryAfter) }]);
    }
  }
}

/** A per-address limit on the authentication endpoints. Failed logins have their own, stricter, per-account limit. */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.limiter.hit(
      context.switchToHttp().getResponse<Response>(),
      [{ key: `auth:${request.ip ?? 'unknown'}`, limit: this.config.auth.rateLimitPerMinute }],
      (details) => identityError('auth.rate_limited', 'too many authentication requests: slow down', details),
    );
    return true;
  }
}

/**
 * A public link's requests counted per client address and per link (whoever sends them: the token
 * is known only to its holder, so many addresses on one link are an attack too). The link is
 * counted by a hash: live tokens are not kept in Redis.
 */
async function limitPublicLink(
  limiter: RateLimiter,
  context: ExecutionContext,
  prefix: string,
  config: ResolvedConfig,
  refusal: Parameters<RateLimiter['hit']>[2],
): Promise<boolean> {
  const request = context.switchToHttp().getRequest<Request<{ token?: string }>>();
  const token = createHash('sha256')
    .update(request.params.token ?? '')
    .digest('base64url')
    .slice(0, 22);
  await limiter.hit(
    context.switchToHttp().getResponse<Response>(),
    [
      { key: `${prefix}:ip:${request.ip ?? 'unknown'}`, limit: config.mediation.cardRateLimitPerMinute },
      { key: `${prefix}:link:${token}`, limit: config.mediation.cardLinkRateLimitPerMinute },
    ],
    refusal,
  );
  return true;
}

/**
 * The employer's card pages are public: without a limit, one client could try link tokens, flood a
 * card with answers (each one recorded and shown to the coach) or fetch its photo at will. Requests
 * are counted per client address and per link (whoever sends them: the token is known only to the
 * employer, so many addresses on one link are an attack too). The link is counted by a hash: live
 * tokens are not kept in Redis.
 */
@Injectable()
export class CardRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return limitPublicLink(this.limiter, context, 'card', this.config, (details) =>
      mediationError('card.rate_limited', 'too many requests for candidate cards: try again in a minute', details),
    );
  }
}

/**
 * The employer's shortlist pages are public like the card pages, with their limits: counted per
 * client address and per link (by a hash), so nobody tries tokens or floods a shortlist with answers.
 */
@Injectable()
export class ShortlistRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return limitPublicLink(this.limiter, context, 'shortlist', this.config, (details) =>
      mediationError('shortlist.rate_limited', 'too many requests for shortlists: try again in a minute', details),
    );
  }
}

/**
 * The self-booking links are public too: counted per client address and per link (by a hash), with
 * the card pages' limits, so nobody tries tokens or floods a link.
 */
@Injectable()
export class BookingRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return limitPublicLink(this.limiter, context, 'booking', this.config, (details) =>
      coachingError('booking.rate_limited', 'too many requests for booking links: try again in a minute', details),
    );
  }
}

/**
 * The employers' need forms are public too (and a structure's form is published): counted per
 * client address and per link (by a hash), with the card pages' limits, so nobody tries tokens or
 * floods a structure with needs. No captcha: the limit is the defence.
 */
@Injectable()
export class NeedRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return limitPublicLink(this.limiter, context, 'need', this.config, (details) =>
      mediationError('need.rate_limited', 'too many requests for need forms: try again in a minute', details),
    );
  }
}

/**
 * The person's space is public too (a link, no account): counted per client address and per link
 * (by a hash), with the card pages' limits, so nobody tries tokens or short codes at will.
 */
@Injectable()
export class SpaceRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    return limitPublicLink(this.limiter, context, 'space', this.config, (details) =>
      coachingError('space.rate_limited', 'too many requests for this space: try again in a minute', details),
    );
  }
}
