import { Injectable } from '@nestjs/common';
import { AuditChainWalk, type ChainHead, type ChainProblem } from '../domain/audit-chain.js';
import { AuditChainReader } from './ports/audit-chain-reader.js';

export type AuditChainReport =
  | { readonly ok: true; readonly count: number; readonly head: ChainHead }
  | { readonly ok: false; readonly checked: number; readonly problem: ChainProblem };

/**
 * Checks the audit log's hash chain from its first row to its head, in one consistent snapshot
 * (rows appended meanwhile wait for the next run), and reports the first break. `anchor` is a head
 * printed by an earlier run and kept outside the database: a chain recomputed from some row on
 * (which whoever can rewrite the table can also do) no longer contains it.
 */
@Injectable()
export class VerifyAuditChain {
  constructor(private readonly chain: AuditChainReader) {}

  async execute(options: { anchor?: ChainHead } = {}): Promise<AuditChainReport> {
    const walk = new AuditChainWalk(options.anchor);
    const head = await this.chain.read(walk);
    const problem = walk.end(head ?? { seq: '0', hash: '' });
    return problem
      ? { ok: false, checked: walk.count, problem }
      : { ok: true, count: walk.count, head: { seq: String(walk.count), hash: walk.lastHash } };
  }
}
