import type { MigrationInterface, QueryRunner } from 'typeorm';

const VIEW_COLUMNS = `id, source, title, description, employer_name, employer_siret, rome_code, rome_label,
       rome_other_readings, skills, qualities, contract_type, contract_duration_months, working_time,
       weekly_hours, driving_licences, salary_text, commune_insee, commune_name, postal_code, departement,
       region, place_precision, place_label, latitude, longitude, published_at, expires_at, status,
       duplicate_of, content_hash, payload_hash, first_seen_at, posted_by, structure_id`;

/**
 * The ROME skills an offer's description asks for (SkillExtractor), read once when the offer is
 * written, as its occupation is (1764000024000): indexing then builds a document from stored
 * facts instead of reading every description again, which was most of a reindex's time. Null for
 * offers written before this column: indexing reads their text then, and `cli reparse` fills them.
 * The offers' published view gains the column (added last: a view's columns keep their order).
 */
export class OfferTextSkills1764000026000 implements MigrationInterface {
  name = 'OfferTextSkills1764000026000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE offer ADD COLUMN text_skill_ids text[]');
    await runner.query(`CREATE OR REPLACE VIEW offers_offer_v AS SELECT ${VIEW_COLUMNS}, text_skill_ids FROM offer`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW offers_offer_v');
    await runner.query(`CREATE VIEW offers_offer_v AS SELECT ${VIEW_COLUMNS} FROM offer`);
    await runner.query('ALTER TABLE offer DROP COLUMN text_skill_ids');
  }
}
