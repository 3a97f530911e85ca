import { createHash } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, mixin, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { APP_CONFIG, type DomainError, type ErrorDetail, type ResolvedConfig } from '@passerelle/core';
import { coachingError } from '@passerelle/coaching';
import { identityError } from '@passerelle/identity';
import { mediationError } from '@passerelle/mediation';
import { outcomesError } from '@passerelle/outcomes';

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
 * What each public link page refuses with when its limit is passed (the code names the page, so the
 * web app and the API's clients tell them apart). The pages read in a browser turn the refusal into
 * a page in French (CardPageThrottleFilter).
 *
 * - card: the employer's candidate card (`/cartes/:token`: page, photo, answer)
 * - shortlist: the employer's shortlist (`/selections/:token`)
 * - booking: the person's self-booking and calendar links (`/bookings/:token`, `/calendar/:token`)
 * - need: the employer's need form (`/besoins/:token`, a link or a structure's published form)
 * - space: the person's own space (`/espace/:token`)
 * - employer-follow-up: the employer's form of a job's checkpoint (`/suivis-employeur/:token`)
 */
const PUBLIC_LINK_REFUSALS = {
  card: (details: readonly ErrorDetail[]) =>
    mediationError('card.rate_limited', 'too many requests for candidate cards: try again in a minute', details),
  shortlist: (details: readonly ErrorDetail[]) =>
    mediationError('shortlist.rate_limited', 'too many requests for shortlists: try again in a minute', details),
  booking: (details: readonly ErrorDetail[]) =>
    coachingError('booking.rate_limited', 'too many requests for booking links: try again in a minute', details),
  need: (details: readonly ErrorDetail[]) =>
    mediationError('need.rate_limited', 'too many requests for need forms: try again in a minute', details),
  space: (details: readonly ErrorDetail[]) =>
    coachingError('space.rate_limited', 'too many requests for this space: try again in a minute', details),
  'employer-follow-up': (details: readonly ErrorDetail[]) =>
    outcomesError(
      'follow_up_link.rate_limited',
      'too many requests for follow-up forms: try again in a minute',
      details,
    ),
} satisfies Record<string, (details: readonly ErrorDetail[]) => DomainError>;

export type PublicLinkKind = keyof typeof PUBLIC_LINK_REFUSALS;

const publicLinkGuards = new Map<PublicLinkKind, Type<CanActivate>>();

/**
 * The guard of one kind of public link page (a link, no account: the token is the only key). Without
 * a limit, one client could try link tokens, flood a page with answers (each one recorded and shown
 * to staff) or fetch a card's photo at will. Requests are counted per client address and per link
 * (whoever sends them: the token is known only to its holder, so many addresses on one link are an
 * attack too), in buckets of their own per kind, with the limits CARD_RATE_LIMIT_PER_MINUTE and
 * CARD_LINK_RATE_LIMIT_PER_MINUTE. The link is counted by a hash: live tokens are not kept in Redis.
 * One class per kind (memoised), so Nest instantiates each once.
 */
export function PublicLinkRateLimitGuard(kind: PublicLinkKind): Type<CanActivate> {
  const existing = publicLinkGuards.get(kind);
  if (existing) return existing;
  const refusal = PUBLIC_LINK_REFUSALS[kind];

  class PublicLinkRateLimit implements CanActivate {
    constructor(
      @Inject(RateLimiter) private readonly limiter: RateLimiter,
      @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    ) {}

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<Request<{ token?: string }>>();
      const token = createHash('sha256')
        .update(request.params.token ?? '')
        .digest('base64url')
        .slice(0, 22);
      await this.limiter.hit(
        context.switchToHttp().getResponse<Response>(),
        [
          { key: `${kind}:ip:${request.ip ?? 'unknown'}`, limit: this.config.mediation.cardRateLimitPerMinute },
          { key: `${kind}:link:${token}`, limit: this.config.mediation.cardLinkRateLimitPerMinute },
        ],
        refusal,
      );
      return true;
    }
  }

  const guard = mixin(PublicLinkRateLimit);
  publicLinkGuards.set(kind, guard);
  return guard;
}
