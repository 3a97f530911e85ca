import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employer's side of a placement's checkpoint (issue 23): a link the mediator e-mails to an
 * employer contact, opening a two-question form without an account. Only the token's hash is
 * kept; links expire and can be revoked. The employer's answer is stored on its link (source: the
 * employer, with its date), apart from the coach's answer on `follow_up`: the RSA-exit indicator
 * reads only the coach's answers to the end-of-coaching checkpoints, so an employer's answer is
 * never counted twice. One answer per checkpoint (partial unique index). The contact's name and
 * address are copied: the link says to whom it was sent even if the contact changes.
 */
export class EmployerFollowUpLinks1764000076000 implements MigrationInterface {
  name = 'EmployerFollowUpLinks1764000076000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE follow_up_employer_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        contact_id uuid,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        job_label text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user (id),
        first_opened_at timestamptz,
        answered_at timestamptz,
        in_job boolean,
        end_date date,
        end_reason text CHECK (end_reason IS NULL OR end_reason IN
          ('contract_end', 'resignation', 'dismissal', 'trial_period_end', 'other')),
        remark text CHECK (remark IS NULL OR char_length(remark) <= 1000),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((answered_at IS NULL) = (in_job IS NULL)),
        CHECK (in_job IS NOT FALSE OR (end_date IS NOT NULL AND end_reason IS NOT NULL)),
        CHECK (in_job IS NOT TRUE OR (end_date IS NULL AND end_reason IS NULL)),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await runner.query(
      'CREATE INDEX follow_up_employer_link_follow_up_idx ON follow_up_employer_link (follow_up_id, created_at)',
    );
    await runner.query(
      `CREATE UNIQUE INDEX follow_up_employer_answer_idx ON follow_up_employer_link (follow_up_id)
         WHERE answered_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE follow_up_employer_link');
  }
}
