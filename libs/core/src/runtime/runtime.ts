import type { Logger } from 'pino';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { resolveServices, type ServiceSet } from '../embedded/embedded-services.js';
import { migrateDatabase, verifyMigrations } from './migrate-database.js';
import { createProcessLogger } from './process-logger.js';

export interface Runtime {
  readonly services: ServiceSet;
  readonly logger: Logger;
}

/**
 * Everything a process does before Nest starts: validated config (a ConfigError escapes to the
 * caller, which prints its one line), service URLs resolved or embedded services started, and
 * migrations applied when `DB_MIGRATE_ON_START` is on (checked
 * unchanged either way: a changed applied migration stops the process). `exclusive`: see ResolveOptions.
 */
export async function prepareRuntime(
  service: string,
  config: AppConfig = loadConfig(),
  options: { exclusive?: boolean } = {},
): Promise<Runtime> {
  const logger = createProcessLogger(config.logLevel, service);
  const services = await resolveServices(config, logger, { service, exclusive: options.exclusive });
  try {
    if (config.database.migrateOnStart) {
      const report = await migrateDatabase(services.config);
      if (report.applied.length > 0)
        logger.info({ applied: report.applied }, `applied ${report.applied.length} migration(s)`);
    } else {
      await verifyMigrations(services.config);
    }
  } catch (error) {
    await services.stop();
    throw error;
  }
  return { services, logger };
}

/**
 * Runs `shutdown` once on SIGTERM or SIGINT, then exits 0; exits 1 if it fails or outlasts
 * `deadlineMs`. A second signal exits at once.
 */
export function onShutdownSignal(logger: Logger, deadlineMs: number, shutdown: () => Promise<void>): void {
  let shuttingDown = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, deadlineMs);
    deadline.unref();
    shutdown().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
