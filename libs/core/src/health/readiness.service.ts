import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ResolvedConfig } from '../config/app-config.js';
import { redisOptions } from '../queues/redis-connection.js';

export type Dependency = 'postgres' | 'redis' | 'meilisearch';

export interface DependencyStatus {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
  /** The driver's message: hosts, ports, user names. For the logs, never for an HTTP answer. */
  readonly error?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly down: Dependency[];
  readonly checks: Record<Dependency, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Checks each service Passerelle depends on, in parallel, each with its own short timeout. Why a
 * dependency is down goes to the logs when its state changes (not on every poll of a probe).
 */
@Injectable()
export class ReadinessService implements OnModuleDestroy {
  private readonly logger = new Logger(ReadinessService.name);
  private readonly redis: Redis;
  private readonly last = new Map<Dependency, DependencyStatus['status']>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meili: Meilisearch,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    // A dedicated connection that fails fast: the queue connections retry forever by design.
    this.redis = new Redis(redisOptions(config.redis.url, 'probe'));
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<Readiness> {
    const [postgres, redis, meilisearch] = await Promise.all([
      this.probe(async () => {
        await this.dataSource.query('SELECT 1');
      }),
      this.probe(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end')
          await this.redis.connect().catch(() => undefined);
        await this.redis.ping();
      }),
      this.probe(async () => {
        // The client throws unless the server answers `available`.
        await this.meili.health();
      }),
    ]);
    const checks = { postgres, redis, meilisearch };
    const names = Object.keys(checks) as Dependency[];
    for (const name of names) this.logChange(name, checks[name]);
    const down = names.filter((name) => checks[name].status === 'down');
    return { ready: down.length === 0, down, checks };
  }

  private logChange(name: Dependency, check: DependencyStatus): void {
    const previous = this.last.get(name);
    this.last.set(name, check.status);
    if (check.status === 'down' && previous !== 'down')
      this.logger.warn({ dependency: name, latencyMs: check.latencyMs, error: check.error }, `${name} is down`);
    else if (check.status === 'up' && previous === 'down') this.logger.log({ dependency: name }, `${name} is up again`);
  }

  private async probe(run: () => Promise<void>): Promise<DependencyStatus> {
    const started = performance.now();
    try {
      await withTimeout(run(), CHECK_TIMEOUT_MS);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return {
        status: 'down',
        latencyMs: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
