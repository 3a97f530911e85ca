import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ImportReferential, type ImportOptions, type ImportReport } from './application/import-referential.use-case.js';
import { BundledReferentialSource } from './application/ports/bundled-referential.js';
import { ReferentialStore } from './application/ports/referential-store.js';
import { ReferentialIndex } from './application/referential-index.js';
import { BundledReferentialFiles } from './infrastructure/bundled-referential.js';
import { SqlReferentialStore } from './infrastructure/referential-store.js';

/**
 * ROME occupations, skills and mobilities, and communes: the import of the bundled open data and
 * the in-memory index the other libs look things up in. Needs CoreModule (TypeORM) imported once
 * by the app.
 */
@Module({
  providers: [
    ImportReferential,
    ReferentialIndex,
    { provide: ReferentialStore, useClass: SqlReferentialStore },
    { provide: BundledReferentialSource, useClass: BundledReferentialFiles },
  ],
  exports: [ImportReferential, ReferentialIndex],
})
export class ReferentialModule {}

/** The import wired by hand on a bare DataSource, for scripts that start no Nest context (test set-up). */
export function importReferentialInto(dataSource: DataSource, options?: ImportOptions): Promise<ImportReport> {
  const store = new SqlReferentialStore(dataSource);
  return new ImportReferential(dataSource, store, new BundledReferentialFiles(), new ReferentialIndex(store)).execute(
    options,
  );
}
