import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme's target contact frequency, one setting per structure (coaching's
 * `contact_rhythm`; a structure without one follows its nearest parent's). Two views published for
 * the indicators (libs/outcomes): the setting, and the dates of the live journal contacts (no note,
 * no author: only that a contact was held that day).
 */
export class ContactRhythm1764000035000 implements MigrationInterface {
  name = 'ContactRhythm1764000035000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contact_rhythm (
        structure_id uuid PRIMARY KEY REFERENCES structure (id) ON DELETE CASCADE,
        contacts smallint NOT NULL CHECK (contacts BETWEEN 1 AND 31),
        period_days smallint NOT NULL CHECK (period_days BETWEEN 1 AND 92),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE VIEW coaching_contact_rhythm_v AS SELECT structure_id, contacts, period_days FROM contact_rhythm',
    );
    await runner.query(
      `CREATE VIEW coaching_contact_v AS SELECT beneficiary_id, occurred_on FROM coaching_event
       WHERE kind IN ('meeting', 'call', 'email', 'workshop') AND deleted_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW coaching_contact_v');
    await runner.query('DROP VIEW coaching_contact_rhythm_v');
    await runner.query('DROP TABLE contact_rhythm');
  }
}
