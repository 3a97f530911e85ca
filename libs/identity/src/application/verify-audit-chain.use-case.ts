import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditChainWalk, type ChainedAuditRow, type ChainHead, type ChainProblem } from '../domain/audit-chain.js';

export type AuditChainReport =
  | { readonly ok: true; readonly count: number; readonly head: ChainHead }
  | { readonly ok: false; readonly checked: number; readonly problem: ChainProblem };

const BATCH = 2_000;

// Each field rendered by a built-in cast, as the sealing trigger does; the hash is recomputed here,
// not by a database function that whoever altered the rows could also have replaced.
const ROWS = `SELECT id::text AS "id", chain_seq::text AS "seq",
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
    actor_user_id::text AS "actorUserId", actor_structure_id::text AS "actorStructureId",
    actor_roles::text AS "actorRoles", action, subject_type AS "subjectType", subject_id AS "subjectId",
    subject_structure_id::text AS "subjectStructureId", request_id AS "requestId", ip, details::text AS "details",
    prev_hash AS "prevHash", hash
  FROM audit_event`;

/**
 * Checks the audit log's hash chain from its first row to its head, in one consistent snapshot
 * (rows appended meanwhile wait for the next run), and reports the first break. `anchor` is a head
 * printed by an earlier run and kept outside the database: a chain recomputed from some row on
 * (which whoever can rewrite the table can also do) no longer contains it.
 */
@Injectable()
export class VerifyAuditChain {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(options: { anchor?: ChainHead } = {}): Promise<AuditChainReport> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const walk = new AuditChainWalk(options.anchor);
      const unsealed = (await runner.query(`${ROWS} WHERE chain_seq IS NULL ORDER BY id LIMIT 1`)) as ChainedAuditRow[];
      if (unsealed[0]) walk.push(unsealed[0]);
      let after = '0';
      while (!walk.broken) {
        const rows = (await runner.query(`${ROWS} WHERE chain_seq > $1::bigint ORDER BY chain_seq LIMIT ${BATCH}`, [
          after,
        ])) as ChainedAuditRow[];
        for (const row of rows) if (walk.push(row)) break;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].seq!;
      }
      const heads = (await runner.query('SELECT seq::text AS seq, hash FROM audit_chain_head')) as ChainHead[];
      const problem = walk.end(heads[0] ?? { seq: '0', hash: '' });
      await runner.query('COMMIT');
      return problem
        ? { ok: false, checked: walk.count, problem }
        : { ok: true, count: walk.count, head: { seq: String(walk.count), hash: walk.lastHash } };
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
