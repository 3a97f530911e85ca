import { Clock } from './clock.js';
import { RuntimeSettings } from './config/runtime-settings.js';
import { createMailer, Mailer } from './mail/mailer.js';
import { createSmsSender, SmsSender } from './sms/sms-sender.js';
import { type DynamicModule, Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { Meilisearch } from 'meilisearch';
import type { ResolvedConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.tokens.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ReadinessService } from './health/readiness.service.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsPublisher } from './metrics/metrics-publisher.js';
import { SystemJobs } from './queues/job-producer.js';
import { QUEUES } from './queues/queue-contracts.js';
import { redisOptions } from './queues/redis-connection.js';
import { createMeiliClient } from './search/meili-client.js';
import { SearchIndexes } from './search/search-indexes.service.js';

export interface CoreModuleOptions {
  /** Names the process in logs and in PostgreSQL's `application_name`: `api`, `worker`, `all-in-one`. */
  readonly service: string;
}

/**
 * What every app needs: validated config, logs, PostgreSQL, queues on Redis, Meilisearch and the
 * readiness checks. The config arrives already resolved (embedded services started, URLs known).
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  static forRoot(config: ResolvedConfig, options: CoreModuleOptions): DynamicModule {
    const configProvider = { provide: APP_CONFIG, useValue: config };
    return {
      module: CoreModule,
      imports: [
        LoggingModule.forRoot(config, options.service),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config, `passerelle-${options.service}`),
            autoLoadEntities: true,
          }),
        }),
        BullModule.forRoot({
          connection: redisOptions(config.redis.url, 'queue'),
          prefix: config.redis.queuePrefix,
        }),
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      providers: [
        configProvider,
        {
          provide: Meilisearch,
          useFactory: () => createMeiliClient(config.meilisearch.url, config.meilisearch.masterKey),
        },
        {
          // General-purpose Redis (rate limits, short-lived login state). Keys share the queue prefix,
          // so one deployment (or one test) never sees another's.
          provide: Redis,
          useFactory: () =>
            new Redis({ ...redisOptions(config.redis.url, 'queue'), keyPrefix: `${config.redis.queuePrefix}:kv:` }),
        },
        SearchIndexes,
        ReadinessService,
        SystemJobs,
        {
          provide: MetricsPublisher,
          useFactory: (redis: Redis) => new MetricsPublisher(redis, options.service),
          inject: [Redis],
        },
        { provide: Mailer, useFactory: () => createMailer(config) },
        { provide: SmsSender, useFactory: () => createSmsSender(config) },
        Clock,
        RuntimeSettings,
      ],
      exports: [
        configProvider,
        Meilisearch,
        Redis,
        SearchIndexes,
        ReadinessService,
        SystemJobs,
        MetricsPublisher,
        Mailer,
        SmsSender,
        Clock,
        RuntimeSettings,
        BullModule,
        LoggingModule,
      ],
    };
  }
}
