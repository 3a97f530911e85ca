import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers kept at the precision they give: a commune, a département (`62 - Pas-de-Calais`), a region
 * the whole country (`France`), or abroad (`Principauté de Monaco`). Until now an offer without a
 * commune was rejected: 739 of 4,411 real France Travail offers (505 say only `France`). Commune, postal code and coordinates become
 * optional, required together for a commune-level offer; the region and a readable label are kept
 * for every offer. Existing offers are all commune-level.
 */
export class OfferPlacePrecision1764000016000 implements MigrationInterface {
  name = 'OfferPlacePrecision1764000016000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE offer
        ADD COLUMN place_precision text NOT NULL DEFAULT 'commune'
          CHECK (place_precision IN ('commune', 'departement', 'region', 'country', 'abroad')),
        ADD COLUMN region text,
        ADD COLUMN place_label text,
        ALTER COLUMN commune_insee DROP NOT NULL,
        ALTER COLUMN commune_name DROP NOT NULL,
        ALTER COLUMN postal_code DROP NOT NULL,
        ALTER COLUMN departement DROP NOT NULL,
        ALTER COLUMN latitude DROP NOT NULL,
        ALTER COLUMN longitude DROP NOT NULL`);
    await runner.query(`
      UPDATE offer o SET
        place_label = o.commune_name || ' (' || o.postal_code || ')',
        region = (SELECT c.region FROM ref_commune c WHERE c.insee_code = o.commune_insee)`);
    await runner.query(`UPDATE offer SET place_label = 'France' WHERE place_label IS NULL`);
    await runner.query(
      `ALTER TABLE offer ALTER COLUMN place_label SET NOT NULL, ALTER COLUMN place_precision DROP DEFAULT`,
    );
    await runner.query(`
      ALTER TABLE offer ADD CONSTRAINT offer_place_consistent CHECK (
        CASE place_precision
          WHEN 'commune' THEN commune_insee IS NOT NULL AND commune_name IS NOT NULL AND postal_code IS NOT NULL
            AND departement IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL
          WHEN 'departement' THEN departement IS NOT NULL AND commune_insee IS NULL
          WHEN 'region' THEN region IS NOT NULL AND departement IS NULL AND commune_insee IS NULL
          ELSE region IS NULL AND departement IS NULL AND commune_insee IS NULL
        END)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM offer WHERE place_precision <> 'commune'`);
    await runner.query(`
      ALTER TABLE offer
        DROP CONSTRAINT offer_place_consistent,
        DROP COLUMN place_precision,
        DROP COLUMN region,
        DROP COLUMN place_label,
        ALTER COLUMN commune_insee SET NOT NULL,
        ALTER COLUMN commune_name SET NOT NULL,
        ALTER COLUMN postal_code SET NOT NULL,
        ALTER COLUMN departement SET NOT NULL,
        ALTER COLUMN latitude SET NOT NULL,
        ALTER COLUMN longitude SET NOT NULL`);
  }
}
