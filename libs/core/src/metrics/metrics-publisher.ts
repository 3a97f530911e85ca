import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { aggregateMetrics, processRegistry, type PublishedMetrics } from './process-metrics.js';

/** Hash (under the deployment's Redis key prefix) of each live process's latest metrics. */
const KEY = 'metrics:processes';
const PUBLISH_EVERY_MS = 10_000;
/** A process silent for this long is gone (killed, or its host lost): its entry is dropped. */
const STALE_AFTER_MS = 60_000;

interface Entry {
  readonly service: string;
  readonly at: number;
  readonly metrics: PublishedMetrics;
}

/**
 * Publishes this process's metrics to Redis every 10 s (and once at start, and removes them at a
 * clean stop), so that `GET /metrics` on any API process can add up the whole deployment without
 * each worker opening a port of its own.
 */
export class MetricsPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly instanceId: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly service: string,
  ) {
    this.instanceId = `${service}@${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // One-shot commands have nothing worth adding to the deployment's metrics.
    if (this.service === 'cli' || this.service === 'openapi') return;
    await this.publish().catch(() => undefined);
    this.timer = setInterval(() => void this.publish().catch(() => undefined), PUBLISH_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(KEY, this.instanceId).catch(() => undefined);
  }

  async publish(): Promise<void> {
    const entry: Entry = { service: this.service, at: Date.now(), metrics: await processRegistry.getMetricsAsJSON() };
    await this.redis.hset(KEY, this.instanceId, JSON.stringify(entry));
  }

  /**
   * This process's live metrics plus every other live process's latest published ones, summed; also
   * how many processes of each service took part (`passerelle_processes`).
   */
  async deploymentText(): Promise<string> {
    const own = await processRegistry.getMetricsAsJSON();
    const all: PublishedMetrics[] = [own];
    const services = new Map<string, number>([[this.service, 1]]);
    const entries = await this.redis.hgetall(KEY);
    const now = Date.now();
    for (const [id, raw] of Object.entries(entries)) {
      if (id === this.instanceId) continue;
      let entry: Entry;
      try {
        entry = JSON.parse(raw) as Entry;
      } catch {
        await this.redis.hdel(KEY, id);
        continue;
      }
      if (now - entry.at > STALE_AFTER_MS) {
        await this.redis.hdel(KEY, id);
        continue;
      }
      all.push(entry.metrics);
      services.set(entry.service, (services.get(entry.service) ?? 0) + 1);
    }
    const processes = [
      '# HELP passerelle_processes Passerelle processes that published metrics in the last minute, by service',
      '# TYPE passerelle_processes gauge',
      ...[...services].map(([service, count]) => `passerelle_processes{service="${service}"} ${count}`),
    ].join('\n');
    return `${await aggregateMetrics(all).metrics()}\n${processes}\n`;
  }
}
