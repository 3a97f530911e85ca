import type { AuditChainWalk, ChainHead } from '../../domain/audit-chain.js';

/** Reads the audit log's chain for its check, in one consistent snapshot. */
export abstract class AuditChainReader {
  /**
   * Feeds `walk` the first row not sealed yet (if any), then the sealed rows in chain order until
   * it breaks or the chain ends; returns the head the database records, if any.
   */
  abstract read(walk: AuditChainWalk): Promise<ChainHead | undefined>;
}
