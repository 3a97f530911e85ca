import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuditChainWalk, ChainedAuditRow, ChainHead } from '../domain/audit-chain.js';
import { AuditChainReader } from '../application/ports/audit-chain-reader.js';

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

/** Reads the audit log's chain in a repeatable-read, read-only PostgreSQL transaction. */
@Injectable()
export class SqlAuditChainReader extends AuditChainReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * Feeds `walk` the first row not sealed yet (if any), then the sealed rows in chain order until
   * it breaks or the chain ends, all from one snapshot (rows appended meanwhile wait for the next
   * run); returns the head the database records, if any.
   */
  async read(walk: AuditChainWalk): Promise<ChainHead | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
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
      await runner.query('COMMIT');
      return heads[0];
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
