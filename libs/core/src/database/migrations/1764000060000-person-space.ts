import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's own space, reached without an account (coaching's tables but `card_validation`):
 * - `person_space_link`: a link sent by SMS or e-mail; only its token's hash is kept, it expires and
 *   may be revoked;
 * - `person_space_device`: a browser admitted to a link (the hash of its cookie): the first one to
 *   open the link, then any other only after a short code sent to the person (`person_space_code`,
 *   hashed, with its failed attempts);
 * - `offer_proposal` gains the person's answer (interested or not, with a reason) and the match's
 *   explanation in plain words as the coach saw it;
 * - `appointment_participant` gains the person's confirmation and their request to move it;
 * - `card_validation` (mediation's): the person validates the card as the employer will see it, or
 *   asks for a change, for one content version of the card; no link leaves without a validation of
 *   the current version;
 * - `message_delivery` records the space link and code messages (every purpose listed).
 */
export class PersonSpace1764000060000 implements MigrationInterface {
  name = 'PersonSpace1764000060000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_space_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX person_space_link_beneficiary_idx ON person_space_link (beneficiary_id)');
    await runner.query(`
      CREATE TABLE person_space_device (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES person_space_link (id) ON DELETE CASCADE,
        device_hash text NOT NULL UNIQUE,
        admitted_by text NOT NULL CHECK (admitted_by IN ('first_opening', 'code')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX person_space_device_link_idx ON person_space_device (link_id)');
    await runner.query(`
      CREATE TABLE person_space_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES person_space_link (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX person_space_code_link_idx ON person_space_code (link_id, created_at)');
    await runner.query(`
      ALTER TABLE offer_proposal
        ADD COLUMN explanation jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN answer text CHECK (answer IS NULL OR answer IN ('interested', 'not_for_me')),
        ADD COLUMN answer_reason text CHECK (answer_reason IS NULL OR length(answer_reason) BETWEEN 1 AND 500),
        ADD COLUMN answered_at timestamptz,
        ADD CONSTRAINT offer_proposal_answered_at_check CHECK ((answer IS NULL) = (answered_at IS NULL)),
        ADD CONSTRAINT offer_proposal_reason_when_not_check CHECK (answer_reason IS NULL OR answer IS NOT DISTINCT FROM 'not_for_me')`);
    await runner.query(`
      ALTER TABLE appointment_participant
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN move_requested_at timestamptz,
        ADD COLUMN move_request text CHECK (move_request IS NULL OR length(move_request) BETWEEN 1 AND 500),
        ADD CONSTRAINT appointment_participant_move_check CHECK ((move_request IS NULL) = (move_requested_at IS NULL))`);
    await runner.query(`
      CREATE TABLE card_validation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        introduction_id uuid NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
        card_version text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('validated', 'change_requested')),
        comment text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1000),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CHECK (decision = 'validated' OR comment IS NOT NULL)
      )`);
    await runner.query(
      'CREATE INDEX card_validation_introduction_idx ON card_validation (introduction_id, decided_at DESC)',
    );
    await runner.query('ALTER TABLE message_delivery DROP CONSTRAINT message_delivery_purpose_check');
    await runner.query(`
      ALTER TABLE message_delivery
        ADD COLUMN space_link_id uuid REFERENCES person_space_link (id) ON DELETE CASCADE,
        ADD CONSTRAINT message_delivery_purpose_check
          CHECK (purpose IN ('invitation', 'reminder', 'moved', 'space_link', 'space_code'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM message_delivery WHERE purpose IN ('space_link', 'space_code')`);
    await runner.query('ALTER TABLE message_delivery DROP CONSTRAINT message_delivery_purpose_check');
    await runner.query(`
      ALTER TABLE message_delivery
        DROP COLUMN space_link_id,
        ADD CONSTRAINT message_delivery_purpose_check CHECK (purpose IN ('invitation', 'reminder', 'moved'))`);
    await runner.query('DROP TABLE card_validation');
    await runner.query(`
      ALTER TABLE appointment_participant
        DROP COLUMN confirmed_at, DROP COLUMN move_requested_at, DROP COLUMN move_request`);
    await runner.query(`
      ALTER TABLE offer_proposal
        DROP COLUMN explanation, DROP COLUMN answer, DROP COLUMN answer_reason, DROP COLUMN answered_at`);
    await runner.query('DROP TABLE person_space_code');
    await runner.query('DROP TABLE person_space_device');
    await runner.query('DROP TABLE person_space_link');
  }
}
