import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's action plan (coaching's `objective`): an objective with its steps (a JSON list,
 * replaced whole), its status and due date, optionally tied to a barrier and to a commitment of a
 * CER (the commitment's text as the CER states it). Deleted with the file; anonymisation deletes it.
 */
export class Objectives1764000036000 implements MigrationInterface {
  name = 'Objectives1764000036000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE objective (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'achieved', 'abandoned')),
        due_on date,
        barrier_id uuid REFERENCES barrier (id) ON DELETE SET NULL,
        cer_id uuid REFERENCES cer (id) ON DELETE SET NULL,
        commitment text,
        steps jsonb NOT NULL DEFAULT '[]',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((cer_id IS NULL) = (commitment IS NULL))
      )`);
    await runner.query('CREATE INDEX objective_beneficiary_idx ON objective (beneficiary_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE objective');
  }
}
