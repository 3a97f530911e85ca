import type { DataSource } from 'typeorm';

/** What each ingestion run counts, offer by offer. */
export const RUN_OUTCOMES = ['created', 'updated', 'unchanged', 'closed', 'rejected', 'duplicates'] as const;

export interface PlatformFacts {
  /** Per source and run status (null: a source never run): runs, last start, summed outcomes. */
  readonly runs: Array<Record<string, string | null>>;
  /** Per outbox: changes waiting, age of the oldest in seconds (null when empty). */
  readonly outboxes: Array<{ outbox: string; pending: string; lag: string | null }>;
  /** Open canonical offers: what the search index should hold. */
  readonly expectedOffers: number;
}

/**
 * The deployment's counts in PostgreSQL for the metrics scrape: ingestion runs, outbox backlogs and
 * the documents the index should hold. Counts only, across contexts, each read through the view its
 * owner publishes for it (ADR 0010): no context's table, and no context's rule, is involved.
 */
export async function platformFacts(dataSource: DataSource): Promise<PlatformFacts> {
  const runs: Array<Record<string, string | null>> = await dataSource.query(`
    SELECT r.source, r.status, count(r.run_id)::int AS runs, max(r.started_at) AS last_start,
      ${RUN_OUTCOMES.map((outcome) => `coalesce(sum(r.${outcome}), 0)::bigint AS ${outcome}`).join(', ')}
    FROM ingestion_source_run_v r
    GROUP BY r.source, r.status`);
  const outboxes: Array<{ outbox: string; pending: string; lag: string | null }> = await dataSource.query(`
    SELECT 'offers-index' AS outbox, count(*) AS pending, extract(epoch FROM now() - min(created_at)) AS lag
      FROM offers_outbox_v
    UNION ALL
    SELECT 'erasures', count(*), extract(epoch FROM now() - min(recorded_at))
      FROM coaching_erasure_outbox_v WHERE completed_at IS NULL`);
  const [expected] = await dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM offers_offer_v WHERE status = 'open' AND duplicate_of IS NULL`,
  );
  return { runs, outboxes, expectedOffers: expected?.n ?? 0 };
}
