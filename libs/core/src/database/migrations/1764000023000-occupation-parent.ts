import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ROME 4 cut several ROME 3 occupations into narrower ones (M1801 into M1801, M1854, M1894…) and
 * names, for each occupation, the one it came from (`code_rome_parent`). Offers published before
 * France Travail moved to ROME 4 carry the older, wider code, and people's past jobs may be coded
 * either way: matching treats occupations of the same origin as neighbours. Filled by the
 * referential import (`npm run cli -- referential import`); null until then, read as "itself".
 */
export class OccupationParent1764000023000 implements MigrationInterface {
  name = 'OccupationParent1764000023000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ref_occupation ADD COLUMN parent_code_rome text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ref_occupation DROP COLUMN parent_code_rome');
  }
}
