import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes: placements (a job started, found through an introduction or alone) and the follow-up
 * checkpoints at M+1, M+3 and M+6 after a job starts and after coaching ends. The indicators are
 * computed from these rows and the coaching and mediation records; nothing here is a counter.
 */
export class Outcomes1764000007000 implements MigrationInterface {
  name = 'Outcomes1764000007000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        introduction_id uuid UNIQUE REFERENCES introduction (id) ON DELETE SET NULL,
        employer_id uuid REFERENCES employer (id),
        employer_name text NOT NULL,
        found_by text NOT NULL CHECK (found_by IN ('introduction', 'coach', 'self')),
        contract_type text NOT NULL CHECK (contract_type IN
          ('cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'contrat_aide', 'independant', 'other')),
        contract_months numeric CHECK (contract_months IS NULL OR contract_months > 0),
        weekly_hours numeric CHECK (weekly_hours IS NULL OR weekly_hours BETWEEN 1 AND 60),
        start_date date NOT NULL,
        durable boolean NOT NULL,
        aid_amount numeric CHECK (aid_amount IS NULL OR aid_amount >= 0),
        end_date date,
        end_reason text CHECK (end_reason IS NULL OR end_reason IN
          ('contract_end', 'resignation', 'dismissal', 'trial_period_end', 'other')),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((end_date IS NULL) = (end_reason IS NULL))
      )`);
    await runner.query('CREATE INDEX placement_beneficiary_idx ON placement (beneficiary_id, start_date)');

    await runner.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('placement', 'coaching_end')),
        placement_id uuid REFERENCES placement (id) ON DELETE CASCADE,
        milestone text NOT NULL CHECK (milestone IN ('m1', 'm3', 'm6')),
        due_on date NOT NULL,
        assignee_user_id uuid REFERENCES app_user (id),
        task_created_at timestamptz,
        answered_at timestamptz,
        answered_by uuid REFERENCES app_user (id),
        in_job boolean,
        rsa_exit boolean,
        difficulties text[] NOT NULL DEFAULT '{}',
        employer_view text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'placement') = (placement_id IS NOT NULL)),
        CHECK (answered_at IS NULL OR in_job IS NOT NULL)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX follow_up_placement_idx ON follow_up (placement_id, milestone) WHERE placement_id IS NOT NULL',
    );
    await runner.query(
      `CREATE UNIQUE INDEX follow_up_coaching_end_idx ON follow_up (beneficiary_id, milestone) WHERE kind = 'coaching_end'`,
    );
    await runner.query('CREATE INDEX follow_up_open_idx ON follow_up (due_on) WHERE answered_at IS NULL');

    // What the indicators read by period and structure.
    await runner.query('CREATE INDEX beneficiary_structure_ended_idx ON beneficiary (structure_id, ended_on)');
    await runner.query('CREATE INDEX introduction_beneficiary_idx ON introduction (beneficiary_id, created_at)');
    await runner.query('CREATE INDEX card_link_introduction_idx ON card_link (introduction_id, created_at)');
    await runner.query(
      `CREATE INDEX introduction_answer_idx ON introduction_event (introduction_id, at) WHERE kind = 'answered'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of [
      'introduction_answer_idx',
      'card_link_introduction_idx',
      'introduction_beneficiary_idx',
      'beneficiary_structure_ended_idx',
    ])
      await runner.query(`DROP INDEX ${index}`);
    await runner.query('DROP TABLE follow_up');
    await runner.query('DROP TABLE placement');
  }
}
