/** A row of the audit log as it is read back (the hash chain's columns aside). */
export interface AuditEvent {
  readonly id: string;
  readonly occurredAt: Date;
  readonly actorUserId: string | null;
  readonly actorStructureId: string | null;
  readonly actorRoles: string[];
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly subjectStructureId: string | null;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
}

export interface AuditEventPageQuery {
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly actorUserId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  readonly offset: number;
}

/** Pages of the audit log, newest first. */
export abstract class AuditEventReader {
  /** The rows about or by `structureIds` (null: all) that match, and how many. */
  abstract page(structureIds: readonly string[] | null, query: AuditEventPageQuery): Promise<[AuditEvent[], number]>;
}
