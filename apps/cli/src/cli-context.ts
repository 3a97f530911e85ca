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
import { MediationModule } from '@passerelle/mediation';
import { ImportReferential, ReferentialModule } from '@passerelle/referential';

@Module({})
class CliRootModule {}

export interface CliContext {
  readonly app: INestApplicationContext;
  readonly services: ServiceSet;
  close(): Promise<void>;
}

export interface CliContextOptions {
  /**
   * The command reads the reference data (places, occupations): an empty referential is imported
   * first, as `cli start` does, rather than letting every offer be rejected as an unknown place.
   */
  readonly referential?: boolean;
}

/** The use cases, without HTTP or workers, for administration commands run on the server. */
export async function openCliContext(options: CliContextOptions = {}): Promise<CliContext> {
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
        MediationModule,
      ],
    };
    const app = await NestFactory.createApplicationContext(root, { logger: ['error'] });
    await app.init();
    if (options.referential) await seedIfEmpty(app);
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

async function seedIfEmpty(app: INestApplicationContext): Promise<void> {
  try {
    const seeded = await app.get(ImportReferential).seedIfEmpty();
    if (seeded)
      process.stderr.write(
        `passerelle: the database had no reference data: imported ROME 4.0 and communes (${(seeded.durationMs / 1000).toFixed(1)} s)\n`,
      );
  } catch (error) {
    await app.close();
    throw new Error(
      `the database has no reference data and importing it failed (${error instanceof Error ? error.message : String(error)}); run: npm run cli -- seed`,
      { cause: error },
    );
  }
}

/** Commands act as the platform itself, with an administrator's rights; the audit log says so. */
export const SYSTEM_ACTOR: Actor = { userId: SYSTEM_ACTOR_ID, structureId: SYSTEM_ACTOR_ID, roles: ['admin'] };
