import { ApiProperty } from '@nestjs/swagger';
import type { Dependency, DependencyStatus, Readiness } from '@passerelle/core';

/**
 * One dependency's state, and nothing else: /ready is public, and the driver's error names hosts,
 * ports and user names (the logs keep it).
 */
export class DependencyStatusResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';

  static from(status: DependencyStatus): DependencyStatusResponse {
    return Object.assign(new DependencyStatusResponse(), { status: status.status });
  }
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status!: 'ready' | 'not_ready';
  @ApiProperty({ example: 'meilisearch is down' }) message!: string;
  @ApiProperty({ type: [String], example: ['meilisearch'] }) down!: Dependency[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusResponse' } })
  checks!: Record<Dependency, DependencyStatusResponse>;

  static from(readiness: Readiness): ReadinessResponse {
    const response = new ReadinessResponse();
    response.status = readiness.ready ? 'ready' : 'not_ready';
    response.message = readiness.ready
      ? 'all dependencies are up'
      : `${readiness.down.join(', ')} ${readiness.down.length > 1 ? 'are' : 'is'} down`;
    response.down = readiness.down;
    response.checks = {
      postgres: DependencyStatusResponse.from(readiness.checks.postgres),
      redis: DependencyStatusResponse.from(readiness.checks.redis),
      meilisearch: DependencyStatusResponse.from(readiness.checks.meilisearch),
    };
    return response;
  }
}
