import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row of the chain. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/**
 * One audit row with each field as PostgreSQL renders it to text (the same built-in casts the
 * sealing trigger uses: see migration 1764000012000), and its seal.
 */
export interface ChainedAuditRow {
  readonly id: string;
  readonly seq: string | null;
  /** UTC, to the microsecond: `YYYY-MM-DDTHH:MI:SS.USZ`. */
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorStructureId: string | null;
  /** The array's text form, e.g. `{coach,manager}`. */
  readonly actorRoles: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly subjectStructureId: string | null;
  readonly requestId: string | null;
  readonly ip: string | null;
  /** The jsonb's text form (PostgreSQL's normalised one, keys sorted). */
  readonly details: string;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

export interface ChainHead {
  readonly seq: string;
  readonly hash: string;
}

export interface ChainProblem {
  readonly kind: 'unsealed' | 'gap' | 'link' | 'content' | 'truncated' | 'anchor';
  /** The audit row at fault, when there is one. */
  readonly id: string | null;
  readonly message: string;
}

/** Length in bytes, colon, text, bar; NULL is `-|`: no two field lists give the same string. */
function field(value: string | null): string {
  return value === null ? '-|' : `${Buffer.byteLength(value, 'utf8')}:${value}|`;
}

/** SHA-256 over the row's canonical serialisation and the previous row's hash, as the database seals it. */
export function auditRowHash(row: ChainedAuditRow, seq: string, prevHash: string): string {
  const canonical =
    'audit-v1|' +
    [
      seq,
      row.id,
      row.occurredAt,
      row.actorUserId,
      row.actorStructureId,
      row.actorRoles,
      row.action,
      row.subjectType,
      row.subjectId,
      row.subjectStructureId,
      row.requestId,
      row.ip,
      row.details,
      prevHash,
    ]
      .map(field)
      .join('');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Walks the chain in sequence order, one row at a time (so a large log streams), and stops at the
 * first break: a row changed since it was sealed (its hash no longer matches), a row deleted (a
 * gap in the sequence, or a link to a hash that is not the previous row's), rows cut off the end
 * (the head records more), or a known earlier head (`anchor`) that the chain no longer contains,
 * which is what a rewrite of the whole chain from some row on leaves behind.
 */
export class AuditChainWalk {
  private expectedSeq = 1n;
  private previous = AUDIT_CHAIN_GENESIS;
  private anchorSeen = false;
  private problem: ChainProblem | null = null;

  constructor(private readonly anchor?: ChainHead) {}

  get count(): number {
    return Number(this.expectedSeq - 1n);
  }

  get lastHash(): string {
    return this.previous;
  }

  /** The first problem found, or null while the chain holds. */
  get broken(): ChainProblem | null {
    return this.problem;
  }

  push(row: ChainedAuditRow): ChainProblem | null {
    if (this.problem) return this.problem;
    if (row.seq === null || row.hash === null || row.prevHash === null)
      return this.fail('unsealed', row.id, 'was never sealed into the chain (inserted with the seal trigger disabled)');
    const seq = BigInt(row.seq);
    if (seq !== this.expectedSeq)
      return this.fail(
        'gap',
        row.id,
        seq > this.expectedSeq
          ? `follows a gap: ${this.range(this.expectedSeq, seq - 1n)} missing (deleted)`
          : `repeats sequence number ${row.seq}`,
      );
    if (row.prevHash !== this.previous)
      return this.fail('link', row.id, 'does not link to the row before it (a row was deleted or rewritten)');
    if (auditRowHash(row, row.seq, row.prevHash) !== row.hash)
      return this.fail('content', row.id, 'was changed after it was written (its hash no longer matches)');
    if (this.anchor && this.anchor.seq === row.seq) {
      if (this.anchor.hash !== row.hash)
        return this.fail(
          'anchor',
          row.id,
          `is not the row recorded earlier at sequence number ${row.seq} (the chain was rewritten)`,
        );
      this.anchorSeen = true;
    }
    this.expectedSeq = seq + 1n;
    this.previous = row.hash;
    return null;
  }

  /** After the last row: the head must be where the chain ends, and the anchor must have been met. */
  end(head: ChainHead): ChainProblem | null {
    if (this.problem) return this.problem;
    const last = this.expectedSeq - 1n;
    if (BigInt(head.seq) !== last || head.hash !== this.previous)
      return this.fail(
        'truncated',
        null,
        BigInt(head.seq) > last
          ? `${this.range(last + 1n, BigInt(head.seq))} missing at the end of the chain (deleted)`
          : `the chain head says ${head.seq} rows but ${last} are chained (the head was altered)`,
      );
    if (this.anchor && !this.anchorSeen)
      return this.fail('anchor', null, `sequence number ${this.anchor.seq} recorded earlier is no longer in the chain`);
    return null;
  }

  private range(from: bigint, to: bigint): string {
    return from === to ? `sequence number ${from}` : `sequence numbers ${from} to ${to}`;
  }

  private fail(kind: ChainProblem['kind'], id: string | null, message: string): ChainProblem {
    this.problem = { kind, id, message: id === null ? message : `audit event ${id} ${message}` };
    return this.problem;
  }
}
