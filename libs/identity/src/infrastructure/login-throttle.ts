import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { identityError } from '../domain/identity-errors.js';
import { LoginThrottle } from '../application/ports/login-throttle.js';

// Counters are forgotten after a day without failures; an address that logged into an account
// stays known to it for a month.
const MEMORY_MS = 24 * 3_600_000;
const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

/**
 * Checks the delays, then charges the attempt to the three counters as if it failed: a success
 * takes the charge back. Charging before the password is checked is what makes a burst of parallel
 * guesses pay the delays too (they would all pass a check-then-count). Atomic in Redis.
 * KEYS: pair, address and account counters; pair, address and account delays; the known-address mark.
 * ARGV: memory ms, free failures for the pair, the address and the account, longest address delay ms,
 * longest account delay ms. Returns the milliseconds still to wait, or 0 when the attempt may go on.
 */
const ATTEMPT = `
local wait = math.max(redis.call('PTTL', KEYS[4]), redis.call('PTTL', KEYS[5]))
if redis.call('EXISTS', KEYS[7]) == 0 then wait = math.max(wait, redis.call('PTTL', KEYS[6])) end
if wait > 0 then return wait end
local function charge(count, delay, free, cap)
  local failures = redis.call('INCR', count)
  redis.call('PEXPIRE', count, ARGV[1])
  if failures > free then
    redis.call('SET', delay, '1', 'PX', math.floor(math.min(cap, 1000 * 2 ^ (failures - free - 1))))
  end
end
charge(KEYS[1], KEYS[4], tonumber(ARGV[2]), tonumber(ARGV[5]))
charge(KEYS[2], KEYS[5], tonumber(ARGV[3]), tonumber(ARGV[5]))
charge(KEYS[3], KEYS[6], tonumber(ARGV[4]), tonumber(ARGV[6]))
return 0`;

/** Takes back one charge from each counter given (never below zero). */
const REFUND = `
for _, key in ipairs(KEYS) do
  if redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
end`;

/**
 * Slows password guessing with growing delays instead of locking accounts. Three counters, in
 * Redis so every API replica shares them:
 * - one account from one address: after AUTH_LOGIN_MAX_FAILURES failures, each one doubles the
 *   wait from 1 s up to AUTH_LOGIN_MAX_DELAY_SECONDS (a guesser gets about a hundred tries a day);
 * - one address on every account (password spraying): four times the free failures, same delays;
 * - one account from every address (a botnet): same free failures, but capped at
 *   AUTH_LOGIN_ACCOUNT_MAX_DELAY_SECONDS and not applied to addresses that logged into the account
 *   in the last 30 days. Someone who only knows a person's e-mail can make that person wait at
 *   most this short delay from a new address, and not at all from their usual one.
 * A success clears the account's counters; the address's counter only gets its own charge back,
 * so logging into one's own account does not wipe the traces of spraying others.
 */
@Injectable()
export class RedisLoginThrottle extends LoginThrottle {
  constructor(
    private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    super();
  }

  private keys(email: string, ip: string | undefined) {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    const address = addressBucket(ip);
    const base = `${this.config.redis.queuePrefix}:login`;
    return {
      pairCount: `${base}:fail:pair:${account}:${address}`,
      addressCount: `${base}:fail:address:${address}`,
      accountCount: `${base}:fail:account:${account}`,
      pairDelay: `${base}:delay:pair:${account}:${address}`,
      addressDelay: `${base}:delay:address:${address}`,
      accountDelay: `${base}:delay:account:${account}`,
      known: `${base}:known:${account}:${address}`,
    };
  }

  /** Throws auth.throttled (429, Retry-After) while delayed; otherwise counts the attempt as failed. */
  async begin(email: string, ip: string | undefined): Promise<void> {
    const keys = this.keys(email, ip);
    const { loginMaxFailures, loginMaxDelaySeconds, loginAccountMaxDelaySeconds } = this.config.auth;
    const waitMs = (await this.redis.eval(
      ATTEMPT,
      7,
      keys.pairCount,
      keys.addressCount,
      keys.accountCount,
      keys.pairDelay,
      keys.addressDelay,
      keys.accountDelay,
      keys.known,
      MEMORY_MS,
      loginMaxFailures,
      // An address may hold several people (a local office behind one NAT): give it more room.
      loginMaxFailures * 4,
      loginMaxFailures,
      loginMaxDelaySeconds * 1000,
      loginAccountMaxDelaySeconds * 1000,
    )) as number;
    if (waitMs <= 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw identityError('auth.throttled', `too many failed logins: try again in ${seconds} seconds`, [
      { field: 'retryAfterSeconds', reason: String(seconds) },
    ]);
  }

  /** The password was right but the second-factor code is still to come: this attempt did not fail. */
  async passwordAccepted(email: string, ip: string | undefined): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis.eval(REFUND, 3, keys.pairCount, keys.addressCount, keys.accountCount);
  }

  async succeeded(email: string, ip: string | undefined): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis
      .multi()
      .del(keys.pairCount, keys.pairDelay, keys.accountCount, keys.accountDelay)
      .eval(REFUND, 1, keys.addressCount)
      .set(keys.known, '1', 'PX', KNOWN_ADDRESS_MS)
      .exec();
  }
}

/**
 * The unit an address is counted in: an IPv4 address, or the /64 network of an IPv6 one (one
 * subscriber usually holds a whole /64, and would otherwise get 2^64 fresh counters).
 */
export function addressBucket(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
