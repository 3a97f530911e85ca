import { ApiProperty } from '@nestjs/swagger';
import type { Dependency, DependencyStatus, Readiness } from '@passerelle/core';

/** Liveness: the process answers (nothing else is looked at). */
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

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

/** Each dependency by name. */
export class ReadinessChecksResponse implements Record<Dependency, DependencyStatusResponse> {
  @ApiProperty({ type: DependencyStatusResponse }) postgres!: DependencyStatusResponse;
  @ApiProperty({ type: DependencyStatusResponse }) redis!: DependencyStatusResponse;
  @ApiProperty({ type: DependencyStatusResponse }) meilisearch!: DependencyStatusResponse;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status!: 'ready' | 'not_ready';
  @ApiProperty({ example: 'meilisearch is down' }) message!: string;
  @ApiProperty({ enum: ['postgres', 'redis', 'meilisearch'], isArray: true, example: ['meilisearch'] })
  down!: Dependency[];
  @ApiProperty({ type: ReadinessChecksResponse }) checks!: ReadinessChecksResponse;

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
