import { Module } from '@nestjs/common';
import { HealthController } from './health/health.controller.js';

/** The HTTP surface: controllers only. The composition roots add CoreModule (and the worker). */
@Module({
  controllers: [HealthController],
})
export class ApiHttpModule {}
