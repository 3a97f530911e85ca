import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, DomainError, type ResolvedConfig } from '@passerelle/core';

/**
 * Slows down password guessing. Failures are counted in Redis (shared by every API replica) per
 * account and per client address; past the limit, logins answer 429 until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  private keys(email: string, ip: string | undefined): { account: string; address: string | undefined } {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return { account: `login-fail:account:${account}`, address: ip ? `login-fail:ip:${ip}` : undefined };
  }

  private get limits(): { account: number; address: number; window: number } {
    const { loginMaxFailures, loginLockSeconds } = this.config.auth;
    // An address may hold several people (a local office behind one NAT): give it more room.
    return { account: loginMaxFailures, address: loginMaxFailures * 4, window: loginLockSeconds };
  }

  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const { account, address } = this.keys(email, ip);
    const limits = this.limits;
    const [accountFailures, addressFailures] = await Promise.all([
      this.redis.get(account),
      address ? this.redis.get(address) : Promise.resolve(null),
    ]);
    const blockedKey =
      Number(accountFailures ?? 0) >= limits.account
        ? account
        : address && Number(addressFailures ?? 0) >= limits.address
          ? address
          : undefined;
    if (!blockedKey) return;
    const ttl = await this.redis.ttl(blockedKey);
    throw new DomainError(
      'too_many_requests',
      'auth.throttled',
      `too many failed logins: try again in ${Math.max(ttl, 1)} seconds`,
      [{ field: 'retryAfterSeconds', reason: String(Math.max(ttl, 1)) }],
    );
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const { account, address } = this.keys(email, ip);
    const window = this.limits.window;
    const pipeline = this.redis.multi().incr(account).expire(account, window, 'NX');
    if (address) pipeline.incr(address).expire(address, window, 'NX');
    await pipeline.exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.keys(email, undefined).account);
  }
}
