import 'reflect-metadata';
import { ConfigError, onShutdownSignal, prepareRuntime } from '@passerelle/core';
import { createWorkerContext } from './create-worker-context.js';

/** The worker as its own process: BullMQ processors, no HTTP. */
async function main(): Promise<void> {
  const { services, logger } = await prepareRuntime('worker');
  const { config } = services;
  const context = await createWorkerContext(config);
  await context.init();
  logger.info({ concurrency: config.worker.concurrency }, 'worker started');
  onShutdownSignal(logger, config.worker.shutdownTimeoutMs + 10_000, async () => {
    await context.close();
    await services.stop();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`passerelle worker: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
