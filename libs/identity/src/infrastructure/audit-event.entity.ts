import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditEvent } from '../application/ports/audit-event-reader.js';

/**
 * Read-only mapping of the append-only audit table (rows are written by AuditLog with INSERT only).
 * The hash chain's columns (chain_seq, prev_hash, hash) are set by the database at commit and read
 * only by VerifyAuditChain, so they are not mapped here.
 */
@Entity({ name: 'audit_event' })
export class AuditEventEntity implements AuditEvent {
  // bigint: pg returns it as a string, which is also how the API shows it.
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId!: string | null;
  @Column('uuid', { name: 'actor_structure_id', nullable: true }) actorStructureId!: string | null;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles!: string[];
  @Column('text') action!: string;
  @Column('text', { name: 'subject_type' }) subjectType!: string;
  @Column('text', { name: 'subject_id' }) subjectId!: string;
  @Column('uuid', { name: 'subject_structure_id', nullable: true }) subjectStructureId!: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('jsonb') details!: Record<string, unknown>;
}
