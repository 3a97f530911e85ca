import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an offer's occupation read from its text came from (issue 18): `referential` (its title
 * and description against the ROME) or `coded_offers` (the most similar stored offers whose source
 * coded them outvoted the referential's reading), with how many similar coded offers voted and how
 * many of them carry the code read. Null for a code the source gave; offers read before this
 * column say `referential` (`cli reparse` reads them again).
 */
export class OfferOccupationSource1764000090000 implements MigrationInterface {
  name = 'OfferOccupationSource1764000090000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE offer
        ADD COLUMN rome_read_from text CHECK (rome_read_from IN ('referential', 'coded_offers')),
        ADD COLUMN rome_similar_offers integer CHECK (rome_similar_offers >= 0),
        ADD COLUMN rome_agreeing_offers integer CHECK (rome_agreeing_offers >= 0)`);
    await runner.query(`UPDATE offer SET rome_read_from = 'referential' WHERE rome_inferred AND rome_code IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE offer DROP COLUMN rome_read_from, DROP COLUMN rome_similar_offers, DROP COLUMN rome_agreeing_offers',
    );
  }
}
