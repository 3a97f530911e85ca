import type { MigrationInterface, QueryRunner } from 'typeorm';

const PURPOSES_BEFORE = `'share_profile_with_employers', 'photo', 'contact_by_email', 'contact_by_sms'`;

/**
 * Shared files: the referent coach lets another professional (a social worker, a colleague covering
 * an absence) read chosen parts of a person's file until a date, with the person's consent (a new
 * consent purpose). The health note is shown only when the share says the person agreed. A share
 * ends on its date or when revoked; it is kept, dated, for the person's export.
 */
export class FileShares1764000040000 implements MigrationInterface {
  name = 'FileShares1764000040000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE consent DROP CONSTRAINT consent_purpose_check');
    await runner.query(`
      ALTER TABLE consent ADD CONSTRAINT consent_purpose_check
        CHECK (purpose IN (${PURPOSES_BEFORE}, 'share_file_with_professionals'))`);
    await runner.query(`
      CREATE TABLE beneficiary_share (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        recipient_user_id uuid NOT NULL REFERENCES app_user (id),
        granted_by uuid NOT NULL REFERENCES app_user (id),
        parts text[] NOT NULL CHECK (
          cardinality(parts) > 0
          AND parts <@ ARRAY['contact', 'diagnostic', 'barriers', 'cers', 'objectives', 'journal']::text[]),
        health_note_visible boolean NOT NULL DEFAULT false,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user (id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
        CHECK (NOT health_note_visible OR 'barriers' = ANY (parts))
      )`);
    await runner.query('CREATE INDEX beneficiary_share_beneficiary_idx ON beneficiary_share (beneficiary_id)');
    await runner.query(
      'CREATE INDEX beneficiary_share_recipient_idx ON beneficiary_share (recipient_user_id) WHERE revoked_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE beneficiary_share');
    await runner.query(`DELETE FROM consent WHERE purpose = 'share_file_with_professionals'`);
    await runner.query('ALTER TABLE consent DROP CONSTRAINT consent_purpose_check');
    await runner.query(
      `ALTER TABLE consent ADD CONSTRAINT consent_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}))`,
    );
  }
}
