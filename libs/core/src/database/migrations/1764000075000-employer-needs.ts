import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruitment needs posted by employers without an account (issue 23). A mediator gives one
 * employer a link, or a structure publishes a public form (a link with no employer: the SIRET says
 * who posts). Only a link's token hash is kept; links expire and can be revoked. Each need arrives
 * as a draft job analysis (no contract or working time yet: the mediator qualifies it) and keeps
 * when it was received, the start of the 48-hour promise.
 */
export class EmployerNeeds1764000075000 implements MigrationInterface {
  name = 'EmployerNeeds1764000075000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE job_analysis
        ADD COLUMN status text NOT NULL DEFAULT 'qualified' CHECK (status IN ('draft', 'qualified')),
        ALTER COLUMN contract_type DROP NOT NULL,
        ALTER COLUMN working_time DROP NOT NULL,
        ADD CONSTRAINT job_analysis_qualified_check
          CHECK (status = 'draft' OR (contract_type IS NOT NULL AND working_time IS NOT NULL))`);

    await runner.query(`
      CREATE TABLE employer_need_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        structure_id uuid NOT NULL REFERENCES structure (id),
        employer_id uuid REFERENCES employer (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX employer_need_link_employer_idx ON employer_need_link (employer_id, created_at)');

    await runner.query(`
      CREATE TABLE employer_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES employer_need_link (id) ON DELETE CASCADE,
        structure_id uuid NOT NULL REFERENCES structure (id),
        employer_id uuid NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
        job_analysis_id uuid NOT NULL UNIQUE REFERENCES job_analysis (id) ON DELETE CASCADE,
        job_title text NOT NULL,
        place text NOT NULL,
        hours text NOT NULL,
        start_on date,
        contract_type text,
        what_matters text,
        contact_name text NOT NULL,
        contact_email text,
        contact_phone text,
        siret text CHECK (siret IS NULL OR siret ~ '^\\d{14}$'),
        received_at timestamptz NOT NULL,
        qualified_at timestamptz,
        qualified_by uuid REFERENCES app_user (id),
        CHECK (contact_email IS NOT NULL OR contact_phone IS NOT NULL),
        CHECK ((qualified_at IS NULL) = (qualified_by IS NULL))
      )`);
    await runner.query('CREATE INDEX employer_need_structure_idx ON employer_need (structure_id, received_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE employer_need');
    await runner.query('DROP TABLE employer_need_link');
    await runner.query(`DELETE FROM job_analysis WHERE status = 'draft'`);
    await runner.query(`
      ALTER TABLE job_analysis
        DROP CONSTRAINT job_analysis_qualified_check,
        DROP COLUMN status,
        ALTER COLUMN contract_type SET NOT NULL,
        ALTER COLUMN working_time SET NOT NULL`);
  }
}
