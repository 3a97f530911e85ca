import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceKind } from '../domain/source.js';
import type { StoredSource } from '../application/ports/source-store.js';

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity({ name: 'ingestion_source' })
export class IngestionSourceEntity implements StoredSource {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') label!: string;
  @Column('text') kind!: SourceKind;
  @Column('text', { name: 'base_url', nullable: true }) baseUrl!: string | null;
  @Column('jsonb') config!: Record<string, unknown>;
  @Column('integer', { name: 'schedule_minutes', nullable: true }) scheduleMinutes!: number | null;
  @Column('numeric', { name: 'rate_limit_per_second', transformer: numeric }) rateLimitPerSecond!: number;
  @Column('integer', { name: 'max_concurrency' }) maxConcurrency!: number;
  @Column('boolean') enabled!: boolean;
  @Column('integer') priority!: number;
  @Column('uuid', { name: 'structure_id', nullable: true }) structureId!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
