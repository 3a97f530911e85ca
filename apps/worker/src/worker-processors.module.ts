import { Module } from '@nestjs/common';
import { SystemProcessor } from './system/system.processor.js';

/** Every BullMQ processor. Imported by the worker process and by the all-in-one start. */
@Module({
  providers: [SystemProcessor],
})
export class WorkerProcessorsModule {}
