import 'reflect-metadata';
import { ConfigError, onShutdownSignal, prepareRuntime } from '@passerelle/core';
import { createApiApp } from './create-api-app.js';

/** The API as its own process (production); `cli start` runs API and worker together. */
async function main(): Promise<void> {
  const { services, logger } = await prepareRuntime('api');
  const { config } = services;
  const app = await createApiApp(config, { service: 'api' });
  await app.listen(config.http.port, config.http.host);
  logger.info({ url: await app.getUrl() }, 'API listening');
  onShutdownSignal(logger, config.worker.shutdownTimeoutMs + 10_000, async () => {
    await app.close();
    await services.stop();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`passerelle api: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
