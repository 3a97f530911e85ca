import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediation's shortlists: one signed link (only the token's hash is kept) showing an employer one to
 * five candidate cards for an offer side by side, with the interview slots the mediator offers.
 * Each card is an entry (one introduction) with the employer's answer: meet (a slot offered, or one
 * they propose), not now (a reason of a short list, and free text) or a question; the questions and
 * the mediator's replies are the entry's messages. The refusal reason is also a column of the
 * introduction's trail, so the indicators count reasons by offer and structure without reading JSON.
 */
export class Shortlists1764000070000 implements MigrationInterface {
  name = 'Shortlists1764000070000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE shortlist (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES offer (id),
        employer_id uuid NOT NULL REFERENCES employer (id),
        structure_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        offered_slots jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(offered_slots) = 'array'),
        contact_id uuid REFERENCES employer_contact (id) ON DELETE SET NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX shortlist_offer_idx ON shortlist (offer_id, created_at)');
    await runner.query('CREATE INDEX shortlist_structure_idx ON shortlist (structure_id, created_at)');
    await runner.query(`
      CREATE TABLE shortlist_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shortlist_id uuid NOT NULL REFERENCES shortlist (id) ON DELETE CASCADE,
        introduction_id uuid NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 5),
        answer text CHECK (answer IS NULL OR answer IN ('interested', 'not_now', 'question')),
        slot_starts_at timestamptz,
        proposed_slot text CHECK (proposed_slot IS NULL OR length(proposed_slot) BETWEEN 1 AND 300),
        refusal_reason text CHECK (refusal_reason IS NULL OR refusal_reason IN
          ('position_filled', 'skills_mismatch', 'experience', 'schedule', 'distance', 'not_hiring_now', 'other')),
        free_text text CHECK (free_text IS NULL OR length(free_text) <= 2000),
        appointment_id uuid,
        answered_at timestamptz,
        UNIQUE (shortlist_id, introduction_id),
        UNIQUE (shortlist_id, position),
        CHECK ((answer = 'not_now') = (refusal_reason IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX shortlist_entry_introduction_idx ON shortlist_entry (introduction_id)');
    await runner.query(`
      CREATE TABLE shortlist_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES shortlist_entry (id) ON DELETE CASCADE,
        author_kind text NOT NULL CHECK (author_kind IN ('employer', 'user')),
        author_user_id uuid,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((author_kind = 'user') = (author_user_id IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX shortlist_message_entry_idx ON shortlist_message (entry_id, created_at)');
    await runner.query(`
      ALTER TABLE introduction_event ADD COLUMN refusal_reason text CHECK (refusal_reason IS NULL OR refusal_reason IN
        ('position_filled', 'skills_mismatch', 'experience', 'schedule', 'distance', 'not_hiring_now', 'other'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE introduction_event DROP COLUMN refusal_reason');
    await runner.query('DROP TABLE shortlist_message');
    await runner.query('DROP TABLE shortlist_entry');
    await runner.query('DROP TABLE shortlist');
  }
}
