import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IOD mediation: employers, their contacts and the interaction log, job analyses, introductions
 * (mises en relation) with every transition, and the signed links employers open a candidate card by.
 */
export class Mediation1764000005000 implements MigrationInterface {
  name = 'Mediation1764000005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE employer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        structure_id uuid NOT NULL REFERENCES structure (id),
        siret text CHECK (siret IS NULL OR siret ~ '^\\d{14}$'),
        name text NOT NULL,
        sector text,
        size_band text CHECK (size_band IS NULL OR size_band IN ('0', '1-9', '10-49', '50-249', '250+')),
        commune_insee text NOT NULL,
        commune_name text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX employer_siret_idx ON employer (structure_id, siret) WHERE siret IS NOT NULL',
    );

    await runner.query(`
      CREATE TABLE employer_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text,
        phone text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE employer_interaction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
        contact_id uuid REFERENCES employer_contact (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'event')),
        occurred_on date NOT NULL,
        outcome text,
        next_action text,
        next_action_on date,
        next_action_done_at timestamptz,
        author_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((next_action IS NULL) = (next_action_on IS NULL))
      )`);
    await runner.query(
      'CREATE INDEX employer_interaction_due_idx ON employer_interaction (author_id, next_action_on) WHERE next_action_done_at IS NULL',
    );

    await runner.query(`
      CREATE TABLE job_analysis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
        title text NOT NULL,
        rome_code text,
        tasks text[] NOT NULL DEFAULT '{}',
        schedule text,
        conditions text,
        tools text[] NOT NULL DEFAULT '{}',
        initial_requirements text[] NOT NULL DEFAULT '{}',
        real_requirements text[] NOT NULL DEFAULT '{}',
        negotiated_away text[] NOT NULL DEFAULT '{}',
        public_transport text,
        contract_type text NOT NULL,
        working_time text NOT NULL,
        offer_id uuid REFERENCES offer (id),
        analysed_on date NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE introduction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employer (id),
        offer_id uuid REFERENCES offer (id),
        structure_id uuid NOT NULL REFERENCES structure (id),
        status text NOT NULL CHECK (status IN ('proposed', 'accepted', 'card_sent', 'employer_interested',
          'interview', 'trial', 'hired', 'declined', 'withdrawn')),
        interview_at timestamptz,
        interview_place text,
        trial_start date,
        trial_end date,
        decline_reason text,
        card jsonb,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX introduction_open_idx ON introduction (beneficiary_id, offer_id)
       WHERE status NOT IN ('declined', 'withdrawn')`,
    );

    // Every transition and every employer view or answer, with who (a user, or the employer's link).
    await runner.query(`
      CREATE TABLE introduction_event (
        id bigserial PRIMARY KEY,
        introduction_id uuid NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('transition', 'link_sent', 'link_revoked', 'viewed', 'answered')),
        from_status text,
        to_status text,
        actor_user_id uuid,
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'employer', 'system')),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX introduction_event_idx ON introduction_event (introduction_id, at)');

    // Only the token's hash is stored: the link itself exists only in the e-mail sent.
    await runner.query(`
      CREATE TABLE card_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        introduction_id uuid NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'card_link',
      'introduction_event',
      'introduction',
      'job_analysis',
      'employer_interaction',
      'employer_contact',
      'employer',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
