import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { type AuditEvent, AuditEventReader } from './ports/audit-event-reader.js';
import { AuditLog } from './ports/audit-log.js';
import { StructureTree } from './structure-tree.js';

export interface AuditQuery {
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly actorUserId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  readonly offset: number;
}

/** An audit row as the API shows it: the row read back, copied field by field (see toView). */
export type AuditEventView = AuditEvent;

/**
 * The audit log as managers (their structures: records of, or accesses by, their structures)
 * and administrators (everything) may read it. Newest first. Reading it is itself recorded (what
 * was asked, how many rows came back), after the query so the answer does not contain its own row:
 * the log tells who searched for whom.
 */
@Injectable()
export class QueryAuditLog {
  constructor(
    private readonly events: AuditEventReader,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, query: AuditQuery): Promise<{ items: AuditEventView[]; total: number }> {
    const { structureIds } = await this.tree.reach(actor, 'audit.read');
    const [rows, total] = await this.events.page(structureIds, query);
    await this.audit.record(actor, 'list', [{ type: 'audit_log', id: 'audit_event', structureId: actor.structureId }], {
      filters: {
        subjectType: query.subjectType ?? null,
        subjectId: query.subjectId ?? null,
        actorUserId: query.actorUserId ?? null,
        from: query.from?.toISOString() ?? null,
        to: query.to?.toISOString() ?? null,
        limit: query.limit,
        offset: query.offset,
      },
      returned: rows.length,
      total,
    });
    return { items: rows.map(toView), total };
  }
}

// Field by field, so a column mapped on the entity later (the chain's seal) does not reach the API unnoticed.
function toView(row: AuditEvent): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    actorUserId: row.actorUserId,
    actorStructureId: row.actorStructureId,
    actorRoles: row.actorRoles,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectStructureId: row.subjectStructureId,
    requestId: row.requestId,
    ip: row.ip,
    details: row.details,
  };
}
