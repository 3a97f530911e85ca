import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CoreModule,
  createProcessLogger,
  loadConfig,
  migrateDatabase,
  resolveServices,
  type ServiceSet,
} from '@passerelle/core';
import { CoachingModule } from '@passerelle/coaching';
import { type Actor, IdentityModule, SYSTEM_ACTOR_ID } from '@passerelle/identity';
import { IngestionModule } from '@passerelle/ingestion';
import { MatchingModule } from '@passerelle/matching';
import { ReferentialModule } from '@passerelle/referential';

@Module({})
class CliRootModule {}

export interface CliContext {
  readonly app: INestApplicationContext;
  readonly services: ServiceSet;
  close(): Promise<void>;
}

/** The use cases, without HTTP or workers, for administration commands run on the server. */
export async function openCliContext(): Promise<CliContext> {
  const config = loadConfig();
  const logger = createProcessLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'cli');
  const services = await resolveServices(config, logger, { service: 'cli' });
  try {
    await migrateDatabase(services.config);
    const root: DynamicModule = {
      module: CliRootModule,
      imports: [
        CoreModule.forRoot(services.config, { service: 'cli' }),
        IdentityModule,
        IngestionModule,
        ReferentialModule,
        MatchingModule,
        CoachingModule,
      ],
    };
    const app = await NestFactory.createApplicationContext(root, { logger: ['error'] });
    await app.init();
    return {
      app,
      services,
      close: async () => {
        await app.close();
        await services.stop();
      },
    };
  } catch (error) {
    await services.stop();
    throw error;
  }
}

/** Commands act as the platform itself, with an administrator's rights; the audit log says so. */
export const SYSTEM_ACTOR: Actor = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] };
