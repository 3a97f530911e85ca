import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { OfferIndexLock } from './ports/index-lock.js';
import { OfferDocuments } from './ports/offer-documents.js';
import { OfferIndex } from './ports/offer-index.js';
import { type HeldOutboxBatch, OfferOutboxStore } from './ports/offer-outbox.js';
import { SkillModel } from './skill-model.js';

export interface SyncReport {
  readonly outboxRows: number;
  readonly upserted: number;
  readonly deleted: number;
  /** Null when a reindex held the index: nothing was done, the outbox waits. */
  readonly skipped: boolean;
}

/** The pool size from which the sync keeps a second batch open. */
const PIPELINE_MIN_POOL = 8;

// Large enough for bulk loads (Meilisearch pays per task), small enough for one transaction.
const BATCH = 5_000;

/**
 * Takes offer changes from the outbox to Meilisearch: every task is awaited and must succeed before
 * its outbox rows are deleted, in the same transaction that read them. If Meilisearch is down or
 * refuses, the transaction rolls back and the rows are there for the next try: nothing is lost.
 */
@Injectable()
export class SyncOffersIndex {
  private readonly logger = new Logger(SyncOffersIndex.name);

  constructor(
    private readonly lock: OfferIndexLock,
    private readonly index: OfferIndex,
    private readonly documents: OfferDocuments,
    private readonly skills: SkillModel,
    private readonly outbox: OfferOutboxStore,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * Batches open at once: two (one indexed, the next sent) when the pool has room, else one. Each
   * open batch holds a connection for as long as Meilisearch indexes it, beside the lock's: on a
   * small pool (the tests' four) two would leave the API waiting for a connection.
   */
  private get depth(): number {
    return this.config.database.poolSize >= PIPELINE_MIN_POOL ? 2 : 1;
  }

  /** Settings are applied once per process (and again after a failure), not at every tick. */
  private settingsApplied = false;

  private async ensureSettings(): Promise<void> {
    if (this.settingsApplied) return;
    await this.index.ensure();
    this.settingsApplied = true;
  }

  get uid(): string {
    return this.index.uid;
  }

  /** Builds the skill space (a few seconds) and applies the index settings before the first sync. */
  async prepare(): Promise<void> {
    await this.skills.space();
    // Meilisearch may be down at start: readiness says so, and the next sync applies the settings.
    await this.ensureSettings().catch((error: unknown) =>
      this.logger.warn(`offers index settings not applied yet: ${String(error)}`),
    );
  }

  /**
   * Drains the outbox (batch after batch) and returns what was done. Pipelined: while Meilisearch
   * indexes a batch, the next one is taken and built; each batch's rows are deleted, in the
   * transaction that took them, only once its tasks succeeded. Batches are read and sent in outbox
   * order by this one loop, so Meilisearch applies them in that order.
   */
  async execute(): Promise<SyncReport> {
    const total = { outboxRows: 0, upserted: 0, deleted: 0 };
    const result = await this.lock.hold(false, async () => {
      await this.ensureSettings();
      // At most `depth` batches open: the one Meilisearch indexes and the next, already sent.
      const open: SentBatch[] = [];
      try {
        for (;;) {
          const current = await this.sendBatch();
          open.push(current);
          if (open.length >= this.depth) await this.finish(open.shift()!, total);
          if (current.held.rows.length < BATCH) break;
        }
        while (open.length > 0) await this.finish(open.shift()!, total);
      } finally {
        // A failure: the batches still open roll back, their rows wait for the next try.
        for (const batch of open.splice(0)) await this.abandon(batch);
      }
      return total;
    });
    return result ? { ...result, skipped: false } : { ...total, skipped: true };
  }

  /** Takes the next rows in a transaction left open, builds their documents and sends them. */
  private async sendBatch(): Promise<SentBatch> {
    const held = await this.outbox.hold(BATCH);
    try {
      if (held.rows.length === 0) return { held, tasks: [], upserted: 0, deleted: 0 };
      const { upserts, deletes } = await this.documents.forIds(
        [...new Set(held.rows.map((row) => row.offer_id))],
        held.manager,
      );
      // Queued (not yet applied) before the next batch is read: the index applies them in order.
      const { applied } = await this.index.enqueue(upserts, deletes);
      return { held, tasks: [applied], upserted: upserts.length, deleted: deletes.length };
    } catch (error) {
      await held.abandon();
      throw error;
    }
  }

  /** Waits for the batch's tasks, then deletes its rows and commits; on a failure, rolls back. */
  private async finish(
    batch: SentBatch,
    total: { outboxRows: number; upserted: number; deleted: number },
  ): Promise<void> {
    try {
      for (const task of batch.tasks) await task;
    } catch (error) {
      await this.abandon(batch);
      throw error;
    }
    await batch.held.complete();
    total.outboxRows += batch.held.rows.length;
    total.upserted += batch.upserted;
    total.deleted += batch.deleted;
  }

  private async abandon(batch: SentBatch): Promise<void> {
    await Promise.allSettled(batch.tasks);
    await batch.held.abandon();
  }
}

/** A batch taken from the outbox and sent to Meilisearch, its transaction still open. */
interface SentBatch {
  readonly held: HeldOutboxBatch;
  readonly tasks: ReadonlyArray<Promise<unknown>>;
  readonly upserted: number;
  readonly deleted: number;
}
