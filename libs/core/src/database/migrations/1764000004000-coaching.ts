import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coaching: beneficiaries (RSA recipients followed by a coach), their referent history, diagnostic,
 * barriers (health notes apart), CER contracts, journal of contacts and actions, offers proposed,
 * consents and the coaches' notifications. Personal fields are nullable so that erasure can clear
 * them and keep the anonymous facts the indicators count.
 */
export class Coaching1764000004000 implements MigrationInterface {
  name = 'Coaching1764000004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE beneficiary (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        structure_id uuid NOT NULL REFERENCES structure (id),
        referent_user_id uuid REFERENCES app_user (id),
        first_name text,
        last_name text,
        birth_date date,
        email text,
        phone text,
        address text,
        commune_insee text,
        commune_name text,
        postal_code text,
        orientation_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('oriented', 'in_coaching', 'ended', 'reoriented')),
        exit_reason text CHECK (exit_reason IS NULL OR exit_reason IN
          ('job', 'training', 'business_creation', 'moved', 'health', 'no_contact', 'other')),
        reoriented_to text,
        ended_on date,
        cv_platform text,
        cv_deposited_on date,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('ended', 'reoriented')) = (ended_on IS NOT NULL)),
        CHECK (status <> 'ended' OR exit_reason IS NOT NULL)
      )`);
    await runner.query(
      'CREATE INDEX beneficiary_referent_idx ON beneficiary (referent_user_id) WHERE erased_at IS NULL',
    );
    await runner.query('CREATE INDEX beneficiary_structure_idx ON beneficiary (structure_id)');
    await runner.query('CREATE INDEX beneficiary_ended_idx ON beneficiary (ended_on) WHERE erased_at IS NULL');

    // Who followed the person, when: transfers close one row and open the next.
    await runner.query(`
      CREATE TABLE beneficiary_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        coach_user_id uuid NOT NULL REFERENCES app_user (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        assigned_by uuid NOT NULL,
        cap_override boolean NOT NULL DEFAULT false,
        reason text
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX beneficiary_assignment_current_idx ON beneficiary_assignment (beneficiary_id) WHERE ended_at IS NULL',
    );

    // The diagnostic is one document per person: its lists are read and written together.
    await runner.query(`
      CREATE TABLE diagnostic (
        beneficiary_id uuid PRIMARY KEY REFERENCES beneficiary (id) ON DELETE CASCADE,
        experiences jsonb NOT NULL DEFAULT '[]'::jsonb,
        skills jsonb NOT NULL DEFAULT '[]'::jsonb,
        desired_occupations text[] NOT NULL DEFAULT '{}',
        driving_licence boolean NOT NULL DEFAULT false,
        vehicle boolean NOT NULL DEFAULT false,
        max_distance_km integer NOT NULL CHECK (max_distance_km BETWEEN 1 AND 200),
        contract_types text[] NOT NULL,
        working_time text NOT NULL CHECK (working_time IN ('full_time', 'part_time', 'any')),
        constraints text[] NOT NULL DEFAULT '{}',
        availability_date date,
        digital_autonomy text CHECK (digital_autonomy IS NULL OR digital_autonomy IN ('none', 'basic', 'autonomous')),
        languages jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE barrier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN
          ('mobility', 'childcare', 'housing', 'debt', 'health', 'digital', 'language', 'administrative')),
        status text NOT NULL CHECK (status IN ('identified', 'in_progress', 'resolved')),
        description text,
        actions text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CHECK (kind <> 'health' OR description IS NULL)
      )`);
    await runner.query('CREATE INDEX barrier_beneficiary_idx ON barrier (beneficiary_id)');
    // Health details live apart, readable by the referent coach only.
    await runner.query(`
      CREATE TABLE health_note (
        barrier_id uuid PRIMARY KEY REFERENCES barrier (id) ON DELETE CASCADE,
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        note text NOT NULL,
        written_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE cer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        signed_on date NOT NULL,
        start_date date NOT NULL,
        duration_months integer NOT NULL CHECK (duration_months BETWEEN 1 AND 24),
        end_date date NOT NULL,
        beneficiary_commitments text[] NOT NULL DEFAULT '{}',
        service_commitments text[] NOT NULL DEFAULT '{}',
        outcome text CHECK (outcome IS NULL OR outcome IN
          ('renewed', 'exit_job', 'exit_training', 'exit_other', 'reoriented')),
        outcome_on date,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date > start_date),
        CHECK (signed_on <= start_date),
        CHECK ((outcome IS NULL) = (outcome_on IS NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX cer_open_idx ON cer (beneficiary_id) WHERE outcome IS NULL');

    // The journal: contacts (meetings, calls...) and actions (applications, trainings, aid requests...).
    await runner.query(`
      CREATE TABLE coaching_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        kind text NOT NULL,
        occurred_on date NOT NULL,
        note text,
        collective boolean NOT NULL DEFAULT false,
        aid_kind text CHECK (aid_kind IS NULL OR aid_kind IN ('childcare', 'mobility', 'equipment', 'other')),
        aid_amount numeric(10, 2) CHECK (aid_amount IS NULL OR aid_amount >= 0),
        aid_decision text CHECK (aid_decision IS NULL OR aid_decision IN ('pending', 'granted', 'refused')),
        author_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'aid_request') = (aid_kind IS NOT NULL))
      )`);
    await runner.query(
      'CREATE INDEX coaching_event_beneficiary_idx ON coaching_event (beneficiary_id, occurred_on DESC)',
    );

    await runner.query(`
      CREATE TABLE offer_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        offer_id uuid NOT NULL REFERENCES offer (id),
        score integer,
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (beneficiary_id, offer_id)
      )`);

    // Consent history: a grant is a row, a revocation closes it; the current consent is the open row.
    await runner.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('share_profile_with_employers', 'photo')),
        granted_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX consent_current_idx ON consent (beneficiary_id, purpose) WHERE revoked_at IS NULL',
    );

    await runner.query(`
      CREATE TABLE user_notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        message text NOT NULL,
        due_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (kind, subject_id, user_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'user_notification',
      'consent',
      'offer_proposal',
      'coaching_event',
      'cer',
      'health_note',
      'barrier',
      'diagnostic',
      'beneficiary_assignment',
      'beneficiary',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
