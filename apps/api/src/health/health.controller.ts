import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadinessService } from '@passerelle/core';
import { Public } from '../auth/access.decorators.js';
import { LivenessResponse, ReadinessResponse } from './readiness.response.dto.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers. Never touches a dependency, so a slow database cannot get it killed. */
  @Get('health')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LivenessResponse, description: 'The process is alive.' })
  health(): LivenessResponse {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL, Redis and Meilisearch each answer. 503 names those that do not, and no
   * more: why they are down is in the logs (the answer is public).
   */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ type: ReadinessResponse })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const readiness = await this.readiness.check();
    res.status(readiness.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return ReadinessResponse.from(readiness);
  }
}
