import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import { configProblems, redactConfig } from '../domain/source-config.js';
import type { SourceKind } from '../domain/source.js';
import { IngestionSourceEntity } from '../infrastructure/ingestion-source.entity.js';

export interface SourceInput {
  readonly name: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly baseUrl?: string | null;
  readonly config: Record<string, unknown>;
  readonly scheduleMinutes?: number | null;
  readonly rateLimitPerSecond?: number;
  readonly maxConcurrency?: number;
  readonly enabled?: boolean;
  readonly structureId?: string | null;
}

export interface SourceView {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly baseUrl: string | null;
  readonly config: Record<string, unknown>;
  readonly scheduleMinutes: number | null;
  readonly rateLimitPerSecond: number;
  readonly maxConcurrency: number;
  readonly enabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toSourceView(entity: IngestionSourceEntity): SourceView {
  return {
    id: entity.id,
    name: entity.name,
    label: entity.label,
    kind: entity.kind,
    baseUrl: entity.baseUrl,
    config: redactConfig(entity.config),
    scheduleMinutes: entity.scheduleMinutes,
    rateLimitPerSecond: entity.rateLimitPerSecond,
    maxConcurrency: entity.maxConcurrency,
    enabled: entity.enabled,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Platform staff register and tune the sources Passerelle pulls offers from. */
@Injectable()
export class ManageSources {
  constructor(@InjectRepository(IngestionSourceEntity) private readonly sources: Repository<IngestionSourceEntity>) {}

  async list(): Promise<SourceView[]> {
    return (await this.sources.find({ order: { priority: 'ASC', name: 'ASC' } })).map(toSourceView);
  }

  async get(id: string): Promise<SourceView> {
    const entity = await this.sources.findOneBy({ id });
    if (!entity) throw new DomainError('not_found', 'source.not_found', 'no such source');
    return toSourceView(entity);
  }

  /** Creates the source, or updates the one with the same name (idempotent registration). */
  async upsert(input: SourceInput): Promise<SourceView> {
    try {
      return await this.save(input);
    } catch (error) {
      // Two processes registering the same source at start: the second finds it and updates it.
      if ((error as { code?: string }).code === '23505') return this.save(input);
      throw error;
    }
  }

  private async save(input: SourceInput): Promise<SourceView> {
    const problems = configProblems(input.kind, input.config);
    if (problems.length > 0)
      throw new DomainError('invalid', 'source.invalid_config', 'the source configuration is not valid', problems);
    const existing = await this.sources.findOneBy({ name: input.name });
    const entity = this.sources.merge(existing ?? this.sources.create({ name: input.name }), {
      label: input.label,
      kind: input.kind,
      baseUrl: input.baseUrl ?? null,
      config: input.config,
      scheduleMinutes: input.scheduleMinutes ?? existing?.scheduleMinutes ?? null,
      rateLimitPerSecond: input.rateLimitPerSecond ?? existing?.rateLimitPerSecond ?? 2,
      maxConcurrency: input.maxConcurrency ?? existing?.maxConcurrency ?? 2,
      enabled: input.enabled ?? existing?.enabled ?? true,
      priority: existing?.priority ?? 100,
      structureId: input.structureId ?? existing?.structureId ?? null,
      updatedAt: new Date(),
    });
    return toSourceView(await this.sources.save(entity));
  }

  async update(id: string, changes: Partial<Omit<SourceInput, 'name' | 'kind'>>): Promise<SourceView> {
    const entity = await this.sources.findOneBy({ id });
    if (!entity) throw new DomainError('not_found', 'source.not_found', 'no such source');
    if (changes.config !== undefined) {
      // A redacted secret sent back unchanged keeps the stored one.
      const config =
        changes.config.clientSecret === '***'
          ? { ...changes.config, clientSecret: entity.config.clientSecret }
          : changes.config;
      const problems = configProblems(entity.kind, config);
      if (problems.length > 0)
        throw new DomainError('invalid', 'source.invalid_config', 'the source configuration is not valid', problems);
      entity.config = config;
    }
    if (changes.label !== undefined) entity.label = changes.label;
    if (changes.baseUrl !== undefined) entity.baseUrl = changes.baseUrl;
    if (changes.scheduleMinutes !== undefined) entity.scheduleMinutes = changes.scheduleMinutes;
    if (changes.rateLimitPerSecond !== undefined) entity.rateLimitPerSecond = changes.rateLimitPerSecond;
    if (changes.maxConcurrency !== undefined) entity.maxConcurrency = changes.maxConcurrency;
    if (changes.enabled !== undefined) entity.enabled = changes.enabled;
    entity.updatedAt = new Date();
    return toSourceView(await this.sources.save(entity));
  }
}
