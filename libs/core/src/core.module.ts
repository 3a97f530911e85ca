import { type DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import type { ResolvedConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.tokens.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ReadinessService } from './health/readiness.service.js';
import { LoggingModule } from './logging/logging.module.js';
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
export class CoreModule {
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
        SearchIndexes,
        ReadinessService,
        SystemJobs,
      ],
      exports: [configProvider, Meilisearch, SearchIndexes, ReadinessService, SystemJobs, BullModule, LoggingModule],
    };
  }
}
