import { type ChainHead, VerifyAuditChain } from '@passerelle/identity';
import { openCliContext } from '../cli-context.js';

/** `--expect 1234:ab12…`: a head printed by an earlier run, kept outside the database. */
function parseAnchor(value: string): ChainHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new Error(`--expect must be SEQ:HASH as printed by audit verify (got "${value}")`);
  return { seq: match[1], hash: match[2] };
}

/**
 * Walks the audit log's hash chain: one OK line with the count and the head on stdout, or the first
 * broken row and a non-zero exit. Keep the printed head somewhere else (a ticket, the operations
 * log) and pass it back with --expect: that also catches a chain rewritten from some row on.
 */
export async function auditVerifyCommand(options: { expect?: string }): Promise<void> {
  const anchor = options.expect === undefined ? undefined : parseAnchor(options.expect);
  const context = await openCliContext();
  try {
    const report = await context.app.get(VerifyAuditChain).execute({ anchor });
    if (!report.ok)
      throw new Error(`audit log tampered: ${report.problem.message} (${report.checked} rows verified before it)`);
    process.stdout.write(
      `audit verify: OK, ${report.count} events chained, head ${report.head.seq}:${report.head.hash}\n`,
    );
  } finally {
    await context.close();
  }
}
