import { loadConfig, migrateDatabase, resolveServices, createProcessLogger } from '@passerelle/core';

/** Applies pending migrations and prints their names (JSON on stdout). */
export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const logger = createProcessLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'cli');
  const services = await resolveServices(config, logger, { service: 'cli' });
  try {
    const report = await migrateDatabase(services.config);
    process.stderr.write(
      report.applied.length === 0 ? 'migrate: nothing to apply\n' : `migrate: applied ${report.applied.join(', ')}\n`,
    );
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await services.stop();
  }
}
