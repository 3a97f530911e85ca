import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PMSMP convention of an introduction at its trial stage (mediation's `pmsmp_convention`, one
 * per introduction): the period, hours and schedule, the place, the tasks and the skills to observe,
 * the objective, the employer's tutor, and the day each of the three parties signed (the person,
 * the employer, the prescribing structure). The parties' names are read from their owners when the
 * document is printed, never copied here. Deleted with the introduction, and by the person's erasure.
 */
export class PmsmpConvention1764000065000 implements MigrationInterface {
  name = 'PmsmpConvention1764000065000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE pmsmp_convention (
        introduction_id uuid PRIMARY KEY REFERENCES introduction (id) ON DELETE CASCADE,
        start_date date NOT NULL,
        end_date date NOT NULL,
        weekly_hours numeric(4, 1) NOT NULL CHECK (weekly_hours > 0 AND weekly_hours <= 48),
        schedule text NOT NULL,
        workplace text NOT NULL,
        tasks text[] NOT NULL CHECK (cardinality(tasks) > 0),
        skills_to_observe text[] NOT NULL DEFAULT '{}',
        objective text NOT NULL CHECK (objective IN ('discover_occupation', 'confirm_project', 'start_recruitment')),
        tutor_name text NOT NULL,
        tutor_role text,
        tutor_phone text,
        tutor_email text,
        status text NOT NULL CHECK (status IN ('draft', 'signing', 'signed')),
        person_signed_on date,
        employer_signed_on date,
        prescriber_signed_on date,
        created_by uuid NOT NULL,
        updated_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK ((status = 'signed') = (person_signed_on IS NOT NULL AND employer_signed_on IS NOT NULL
          AND prescriber_signed_on IS NOT NULL)),
        CHECK ((status = 'draft') = (person_signed_on IS NULL AND employer_signed_on IS NULL
          AND prescriber_signed_on IS NULL))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE pmsmp_convention');
  }
}
