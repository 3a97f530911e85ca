import type { Queue } from 'bullmq';
import type { Meilisearch } from 'meilisearch';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { platformFacts, QUEUES, RUN_OUTCOMES, type SearchIndexes } from '@passerelle/core';
import { OFFERS_INDEX } from '@passerelle/matching';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

export interface GaugeSources {
  readonly dataSource: DataSource;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly meili: Meilisearch;
  readonly indexes: SearchIndexes;
}

/**
 * The deployment's state, read at each scrape from where it lives (Redis for the queues, PostgreSQL
 * for runs and outboxes, Meilisearch for the index), so every API process answers the same whatever
 * worker did the work. A source that does not answer leaves its gauges out and sets
 * `passerelle_metrics_source_up{source}` to 0 rather than failing the scrape.
 */
export async function platformGauges(sources: GaugeSources): Promise<Registry> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const up = gauge('passerelle_metrics_source_up', 'whether the source of these gauges answered this scrape', [
    'source',
  ]);
  const queueJobs = gauge(
    'passerelle_queue_jobs',
    'jobs in each BullMQ queue by state (failed: kept failed jobs, i.e. failures not yet cleaned up)',
    ['queue', 'state'],
  );
  const ingestionOffers = gauge(
    'passerelle_ingestion_offers',
    'offers counted by the recorded ingestion runs of each source, by outcome (sum over all runs)',
    ['source', 'outcome'],
  );
  const ingestionRuns = gauge('passerelle_ingestion_runs', 'recorded ingestion runs by source and status', [
    'source',
    'status',
  ]);
  const lastRun = gauge('passerelle_ingestion_last_run_timestamp_seconds', 'start of the latest run of each source', [
    'source',
  ]);
  const outboxPending = gauge('passerelle_outbox_pending', 'changes waiting in each outbox', ['outbox']);
  const outboxLag = gauge(
    'passerelle_outbox_lag_seconds',
    'age of the oldest change waiting in each outbox (0 when empty): how far its consumer is behind',
    ['outbox'],
  );
  const expectedDocuments = gauge(
    'passerelle_search_index_expected_documents',
    'documents the index should hold according to PostgreSQL (open, canonical offers)',
    ['index'],
  );
  const indexedDocuments = gauge('passerelle_search_index_documents', 'documents the index holds', ['index']);
  const failedTasks = gauge(
    'passerelle_meilisearch_failed_tasks',
    'failed tasks Meilisearch still remembers for the index (it prunes its task history)',
    ['index'],
  );

  await Promise.all([
    (async () => {
      try {
        for (const [name, queue] of sources.queues) {
          const counts = await queue.getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) queueJobs.set({ queue: name, state }, counts[state] ?? 0);
        }
        up.set({ source: 'redis' }, 1);
      } catch {
        up.set({ source: 'redis' }, 0);
      }
    })(),
    (async () => {
      try {
        const { runs, outboxes, expectedOffers } = await platformFacts(sources.dataSource);
        const latest = new Map<string, number>();
        const totals = new Map<string, Record<string, number>>();
        for (const row of runs) {
          const source = row.source!;
          if (row.status) ingestionRuns.set({ source, status: row.status }, Number(row.runs));
          const sums = totals.get(source) ?? {};
          for (const outcome of RUN_OUTCOMES) sums[outcome] = (sums[outcome] ?? 0) + Number(row[outcome] ?? 0);
          totals.set(source, sums);
          if (row.last_start)
            latest.set(source, Math.max(latest.get(source) ?? 0, new Date(row.last_start).getTime() / 1000));
        }
        for (const [source, sums] of totals)
          for (const outcome of RUN_OUTCOMES) ingestionOffers.set({ source, outcome }, sums[outcome] ?? 0);
        for (const [source, at] of latest) lastRun.set({ source }, at);

        for (const row of outboxes) {
          outboxPending.set({ outbox: row.outbox }, Number(row.pending));
          outboxLag.set({ outbox: row.outbox }, Math.max(0, Number(row.lag ?? 0)));
        }
        expectedDocuments.set({ index: OFFERS_INDEX.name }, expectedOffers);
        up.set({ source: 'postgres' }, 1);
      } catch {
        up.set({ source: 'postgres' }, 0);
      }
    })(),
    (async () => {
      try {
        const uid = sources.indexes.uid(OFFERS_INDEX.name);
        const stats = await sources.meili
          .index(uid)
          .getStats()
          .catch(() => ({ numberOfDocuments: 0 }));
        indexedDocuments.set({ index: OFFERS_INDEX.name }, stats.numberOfDocuments);
        const failed = await sources.meili.tasks.getTasks({ statuses: ['failed'], indexUids: [uid], limit: 1 });
        failedTasks.set({ index: OFFERS_INDEX.name }, failed.total ?? failed.results.length);
        up.set({ source: 'meilisearch' }, 1);
      } catch {
        up.set({ source: 'meilisearch' }, 0);
      }
    })(),
  ]);
  return registry;
}

export const QUEUE_NAMES: readonly string[] = Object.values(QUEUES);
