import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CoreModule, type ResolvedConfig } from '@passerelle/core';
import { WorkerProcessorsModule } from './worker-processors.module.js';

@Module({})
class WorkerRootModule {}

/** The worker: a Nest application context with the processors and no HTTP server. */
export async function createWorkerContext(config: ResolvedConfig): Promise<INestApplicationContext> {
  const root: DynamicModule = {
    module: WorkerRootModule,
    imports: [CoreModule.forRoot(config, { service: 'worker' }), WorkerProcessorsModule],
  };
  const context = await NestFactory.createApplicationContext(root, { bufferLogs: true });
  context.useLogger(context.get(Logger));
  return context;
}
