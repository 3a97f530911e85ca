import type { SourceDefinition } from '../domain/source.js';
import type { StoredSource } from './ports/source-store.js';

export function toDefinition(entity: StoredSource): SourceDefinition {
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
