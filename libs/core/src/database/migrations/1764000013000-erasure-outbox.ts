import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erasure outbox: coaching records `BeneficiaryErased` here in the same transaction as its own
 * erasure, and each context that holds data about the person (mediation, outcomes...) erases its
 * own from it, marking itself in `handled_by` in the same transaction as its work. A crash between
 * two steps leaves the event pending: the worker takes it up again (handlers are idempotent).
 * The row holds ids and dates only, never personal data.
 */
export class ErasureOutbox1764000013000 implements MigrationInterface {
  name = 'ErasureOutbox1764000013000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE beneficiary_erased_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        cause text NOT NULL CHECK (cause IN ('request', 'retention')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        handled_by text[] NOT NULL DEFAULT '{}',
        attempts integer NOT NULL DEFAULT 0,
        completed_at timestamptz
      )`);
    await runner.query(
      'CREATE INDEX beneficiary_erased_event_pending_idx ON beneficiary_erased_event (id) WHERE completed_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE beneficiary_erased_event');
  }
}
