import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An occupation read from an offer's text is one reading among close ones (`Administrateur
 * systèmes et réseaux`: M1801, M1854, M1830). The next likeliest, with their weight relative to
 * the first (`[{"codeRome":"M1854","label":"…","weight":0.93}]`), are kept with the offer when it
 * is read, so indexing does not read every text again; matching counts them, less. Null for a code
 * the source gave, and for offers read before this column (`cli reparse` fills them).
 */
export class OfferOccupationReadings1764000024000 implements MigrationInterface {
  name = 'OfferOccupationReadings1764000024000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE offer ADD COLUMN rome_other_readings jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE offer DROP COLUMN rome_other_readings');
  }
}
