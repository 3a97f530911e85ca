import { Module } from '@nestjs/common';
import { ImportReferential } from './application/import-referential.use-case.js';
import { ReferentialIndex } from './application/referential-index.js';

/**
 * ROME occupations, skills and mobilities, and communes: the import of the bundled open data and
 * the in-memory index the other libs look things up in. Needs CoreModule (TypeORM) imported once
 * by the app.
 */
@Module({
  providers: [ImportReferential, ReferentialIndex],
  exports: [ImportReferential, ReferentialIndex],
})
export class ReferentialModule {}
