import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DATASETS, type DatasetName } from '../domain/referential-rows.js';
import { BundledReferentialSource, DATASET_SOURCE, type Source } from './ports/bundled-referential.js';
import { ReferentialStore } from './ports/referential-store.js';
import { ReferentialIndex } from './referential-index.js';

export interface DatasetReport {
  /** Rows in the bundled data set. */
  readonly total: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows stored before that the data set no longer has. */
  readonly deleted: number;
  /** Lines of the files left out: links to codes the files do not define, malformed lines. */
  readonly skipped: number;
}

export interface ImportReport {
  readonly versions: Readonly<Record<Source, string>>;
  readonly datasets: Readonly<Record<DatasetName, DatasetReport>>;
  /** False when the database already held exactly the bundled data. */
  readonly changed: boolean;
  readonly durationMs: number;
}

export interface ImportOptions {
  readonly onProgress?: (message: string) => void;
}

/**
 * Loads the bundled ROME and communes data into the `ref_*` tables, idempotently: rows are
 * inserted, rewritten only when they differ, and deleted when the data set dropped them, all in one
 * transaction, so readers see the old referential or the new one, never half of each. A second run
 * on the same data writes nothing and reports every row unchanged. Two processes importing at once
 * (API and worker starting together) take turns on an advisory lock; the second finds nothing to do.
 */
@Injectable()
export class ImportReferential {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ReferentialStore,
    private readonly bundle: BundledReferentialSource,
    private readonly index: ReferentialIndex,
  ) {}

  async execute(options: ImportOptions = {}): Promise<ImportReport> {
    const started = performance.now();
    const progress = options.onProgress ?? (() => undefined);
    const bundled = await this.bundle.read();
    const { rows } = bundled;
    progress(
      `referential: read ROME v${bundled.versions.rome} and communes (${bundled.versions.communes}) in ${elapsed(started)} ms`,
    );
    for (const dataset of DATASETS) {
      // An empty file would otherwise delete the whole table.
      if (rows[dataset].length === 0) throw new Error(`referential: the bundled data has no ${dataset}`);
    }

    const counts = await this.dataSource.transaction(async (manager) => {
      await this.store.lockImport(manager);
      const written = new Map<DatasetName, { inserted: number; updated: number; deleted: number }>();
      for (const dataset of DATASETS) {
        const step = performance.now();
        const { inserted, updated } = await this.store.upsertDataset(manager, dataset, rows[dataset]);
        written.set(dataset, { inserted, updated, deleted: 0 });
        progress(
          `referential: ${dataset}: ${rows[dataset].length} rows, ${inserted} inserted, ${updated} updated (${elapsed(step)} ms)`,
        );
      }
      // Rows that reference others go first, so a parent is never deleted while still referenced.
      for (const dataset of [...DATASETS].reverse()) {
        const deleted = await this.store.deleteFromDataset(manager, dataset, rows[dataset]);
        written.get(dataset)!.deleted = deleted;
        if (deleted > 0) progress(`referential: ${dataset}: ${deleted} deleted`);
      }
      for (const dataset of DATASETS) {
        const { inserted, updated, deleted } = written.get(dataset)!;
        const source = DATASET_SOURCE[dataset];
        await this.store.logImport(manager, {
          dataset,
          version: bundled.versions[source],
          sourceDigest: bundled.digests[source],
          total: rows[dataset].length,
          inserted,
          updated,
          unchanged: rows[dataset].length - inserted - updated,
          deleted,
          skipped: bundled.skipped[dataset],
        });
      }
      return written;
    });

    const datasets = Object.fromEntries(
      DATASETS.map((dataset): [DatasetName, DatasetReport] => {
        const { inserted, updated, deleted } = counts.get(dataset)!;
        const total = rows[dataset].length;
        return [
          dataset,
          {
            total,
            inserted,
            updated,
            unchanged: total - inserted - updated,
            deleted,
            skipped: bundled.skipped[dataset],
          },
        ];
      }),
    ) as Record<DatasetName, DatasetReport>;
    const changed = Object.values(datasets).some((report) => report.inserted + report.updated + report.deleted > 0);
    if (changed) this.index.invalidate();
    const durationMs = elapsed(started);
    progress(`referential: ${changed ? 'imported' : 'already up to date'} in ${durationMs} ms`);
    return { versions: bundled.versions, datasets, changed, durationMs };
  }

  /** What the all-in-one start runs: imports only into an empty referential. Null when it was not. */
  async seedIfEmpty(options: ImportOptions = {}): Promise<ImportReport | null> {
    if (!(await this.store.isEmpty())) return null;
    return this.execute(options);
  }
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
