import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Structures, users, refresh tokens and the append-only audit log of personal-data access. */
export class Identity1764000001000 implements MigrationInterface {
  name = 'Identity1764000001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE structure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('departement', 'local_office', 'association', 'regional_platform', 'other')),
        parent_id uuid REFERENCES structure (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await runner.query('CREATE INDEX structure_parent_idx ON structure (parent_id)');

    await runner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        structure_id uuid NOT NULL REFERENCES structure (id),
        roles text[] NOT NULL CHECK (
          cardinality(roles) >= 1 AND roles <@ ARRAY['coach', 'platform_staff', 'manager', 'admin']::text[]
        ),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        password_hash text,
        password_changed_at timestamptz,
        must_change_password boolean NOT NULL DEFAULT false,
        totp_secret text,
        totp_pending_secret text,
        totp_enabled_at timestamptz,
        totp_last_step bigint,
        oidc_issuer text,
        oidc_subject text,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX app_user_email_key ON app_user (email)');
    await runner.query('CREATE UNIQUE INDEX app_user_oidc_key ON app_user (oidc_issuer, oidc_subject)');
    await runner.query('CREATE INDEX app_user_structure_idx ON app_user (structure_id)');

    await runner.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        replaced_by uuid REFERENCES refresh_token (id),
        user_agent text,
        ip text
      )`);
    await runner.query('CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)');
    await runner.query('CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)');

    // Who looked at or changed whose personal data. Append-only: the database itself refuses
    // UPDATE, DELETE and TRUNCATE, whatever the application or an operator's SQL tries.
    await runner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_structure_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        subject_structure_id uuid,
        request_id text,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await runner.query('CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, occurred_at)');
    await runner.query('CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, occurred_at)');
    await runner.query('CREATE INDEX audit_event_structure_idx ON audit_event (subject_structure_id, occurred_at)');
    await runner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await runner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_event');
    await runner.query('DROP FUNCTION audit_event_append_only');
    await runner.query('DROP TABLE refresh_token');
    await runner.query('DROP TABLE app_user');
    await runner.query('DROP TABLE structure');
  }
}
