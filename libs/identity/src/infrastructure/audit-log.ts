import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AnonymousActor } from '../domain/actor.js';
import { type AuditAction, AuditLog, type AuditSubject } from '../application/ports/audit-log.js';

/** The audit log in `audit_event`: INSERT only; the table refuses UPDATE and DELETE at the database level. */
@Injectable()
export class SqlAuditLog extends AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(
    actor: Actor | AnonymousActor,
    action: AuditAction,
    subjects: readonly AuditSubject[],
    details: Record<string, unknown> = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (subjects.length === 0) return;
    const values: unknown[] = [];
    const rows = subjects.map((subject, index) => {
      const base = index * 10;
      values.push(
        actor.userId,
        actor.structureId,
        actor.roles,
        action,
        subject.type,
        subject.id,
        subject.structureId ?? null,
        actor.requestId ?? null,
        actor.ip ?? null,
        JSON.stringify(details),
      );
      return `(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, actor_structure_id, actor_roles, action, subject_type, subject_id,
         subject_structure_id, request_id, ip, details)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
