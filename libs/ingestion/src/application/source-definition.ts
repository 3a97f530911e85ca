import type { SourceDefinition } from '../domain/source.js';
import type { IngestionSourceEntity } from '../infrastructure/ingestion-source.entity.js';

export function toDefinition(entity: IngestionSourceEntity): SourceDefinition {
  return {
    id: entity.id,
    name: entity.name,
    label: entity.label,
    kind: entity.kind,
    baseUrl: entity.baseUrl,
    config: entity.config as unknown as SourceDefinition['config'],
    rateLimitPerSecond: entity.rateLimitPerSecond,
    maxConcurrency: entity.maxConcurrency,
  };
}
