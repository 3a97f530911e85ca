import type { Redis } from 'ioredis';

/**
 * Spaces request starts to one host across every process that fetches from it: each caller reserves
 * the next start slot and is told how long to wait for it.
 */
export interface HostPacer {
  /** Reserves the next start on `host`, `intervalMs` after the previous one; resolves with the wait in ms. */
  reserve(host: string, intervalMs: number): Promise<number>;
}

// Redis's own clock, so processes on machines whose clocks differ still agree. The key holds the
// earliest start the next request may take; it expires once it is in the past.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextStart = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nextStart)
local following = start + tonumber(ARGV[1])
redis.call('SET', KEYS[1], following, 'PX', following - now + 1000)
return start - now
`;

/**
 * The per-host request rate held in Redis: several workers fetching from one host (two sources on the
 * same board, a run taken over after a crash) together keep to the slowest rate any of them asks for
 * at each step, instead of each keeping its own. Concurrency stays per process (HostLimiter).
 */
export class RedisHostPacer implements HostPacer {
  constructor(private readonly redis: Redis) {}

  async reserve(host: string, intervalMs: number): Promise<number> {
    const wait = await this.redis.eval(RESERVE, 1, `fetch-pace:${host}`, Math.max(0, Math.round(intervalMs)));
    return Number(wait);
  }
}
