// BullMQ's own options type: it accepts what ioredis accepts, and BullMQ's constructors accept it.
import type { RedisOptions } from 'bullmq';

export type RedisRole = 'queue' | 'worker' | 'probe';

/**
 * The one place that turns REDIS_URL into ioredis options. Workers block on Redis and must retry
 * forever (BullMQ requires `maxRetriesPerRequest: null`); a readiness probe must fail fast instead.
 */
export function redisOptions(url: URL, role: RedisRole): RedisOptions {
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  const base: RedisOptions = {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    connectionName: `passerelle-${role}`,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  };
  if (role === 'probe') {
    return {
      ...base,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      lazyConnect: true,
      retryStrategy: () => 500,
    };
  }
  return { ...base, maxRetriesPerRequest: null, enableReadyCheck: true };
}
