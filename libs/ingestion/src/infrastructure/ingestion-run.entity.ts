import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RunStatus, RunTrigger, StoredRejection, StoredRun } from '../application/ports/run-store.js';

@Entity({ name: 'ingestion_run' })
export class IngestionRunEntity implements StoredRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('text') trigger!: RunTrigger;
  @Column('text') status!: RunStatus;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('integer', { name: 'pages_fetched' }) pagesFetched!: number;
  @Column('integer', { name: 'offers_seen' }) offersSeen!: number;
  @Column('integer') created!: number;
  @Column('integer') updated!: number;
  @Column('integer') unchanged!: number;
  @Column('integer') closed!: number;
  @Column('integer') rejected!: number;
  @Column('integer') duplicates!: number;
  @Column('text', { nullable: true }) error!: string | null;
}

@Entity({ name: 'ingestion_rejection' })
export class IngestionRejectionEntity implements StoredRejection {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('uuid', { name: 'run_id' }) runId!: string;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('text', { name: 'external_id', nullable: true }) externalId!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) field!: string | null;
  @Column('text') reason!: string;
  @Column('text', { name: 'payload_hash', nullable: true }) payloadHash!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
