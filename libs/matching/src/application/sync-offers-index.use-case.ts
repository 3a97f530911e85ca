import { Injectable, Logger } from '@nestjs/common';
import { OfferIndexLock } from './ports/index-lock.js';
import { OfferDocuments } from './ports/offer-documents.js';
import { OfferIndex } from './ports/offer-index.js';
import { OfferOutboxStore } from './ports/offer-outbox.js';
import { SkillModel } from './skill-model.js';

export interface SyncReport {
  readonly outboxRows: number;
  readonly upserted: number;
  readonly deleted: number;
  /** Null when a reindex held the index: nothing was done, the outbox waits. */
  readonly skipped: boolean;
}

// Large enough for bulk loads (Meilisearch pays per task), small enough to build in one go.
const BATCH = 5_000;

/**
 * Takes offer changes from the outbox to Meilisearch. An outbox row is deleted only once the write it
 * led to was applied: if Meilisearch is down or refuses, the rows are there for the next try and
 * nothing is lost. One sync at a time (the offers-index lock), so rows need no locking.
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
  ) {}

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
   * Drains the outbox and returns what was done. Every batch is built and queued in Meilisearch
   * without waiting for the previous one to be applied: Meilisearch indexes what waits in its queue
   * as one batch, much faster than batch after batch (what a raw bulk load does). Batches are read
   * and queued in outbox order by this one loop, so Meilisearch applies them in that order; each
   * batch's rows are deleted once its writes are applied, in order, and a failure leaves that
   * batch's rows and the later ones for the next try (writes are idempotent upserts and deletes).
   */
  async execute(): Promise<SyncReport> {
    const total = { outboxRows: 0, upserted: 0, deleted: 0 };
    const result = await this.lock.hold(false, async () => {
      await this.ensureSettings();
      const sent: SentBatch[] = [];
      let queuing: Promise<void> = Promise.resolve();
      try {
        // The next outbox rows are read, and the next batch built, while this one is being sent.
        let reading = this.outbox.next(null, BATCH);
        for (;;) {
          const rows = await reading;
          if (rows.length === 0) break;
          reading = rows.length < BATCH ? Promise.resolve([]) : this.outbox.next(rows[rows.length - 1].id, BATCH);
          // Left unawaited if a failure ends the loop: it must not go unhandled then.
          reading.catch(() => undefined);
          const { upserts, deletes } = await this.documents.forIds([...new Set(rows.map((row) => row.offer_id))]);
          // Queued (not yet applied) after the previous batch, before the next one: applied in order.
          await queuing;
          queuing = this.index.enqueue(upserts, deletes).then(({ applied }) => {
            sent.push({
              rowIds: rows.map((row) => row.id),
              applied,
              upserted: upserts.length,
              deleted: deletes.length,
            });
          });
          queuing.catch(() => undefined);
        }
        await queuing;
        for (const batch of sent) {
          await batch.applied;
          await this.outbox.remove(batch.rowIds);
          total.outboxRows += batch.rowIds.length;
          total.upserted += batch.upserted;
          total.deleted += batch.deleted;
        }
      } finally {
        // A failure: what was queued after it still settles before the lock is released.
        await queuing.catch(() => undefined);
        await Promise.allSettled(sent.map((batch) => batch.applied));
      }
      return total;
    });
    return result ? { ...result, skipped: false } : { ...total, skipped: true };
  }
}

/** A batch read from the outbox and queued in Meilisearch. */
interface SentBatch {
  readonly rowIds: readonly string[];
  readonly applied: Promise<void>;
  readonly upserted: number;
  readonly deleted: number;
}
