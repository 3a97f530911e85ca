import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offers (the source of truth the search index derives from), ingestion sources, runs and raw payloads. */
export class OffersIngestion1764000003000 implements MigrationInterface {
  name = 'OffersIngestion1764000003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ingestion_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('france_travail', 'html_board', 'jsonld', 'manual')),
        base_url text,
        config jsonb NOT NULL DEFAULT '{}'::jsonb,
        schedule_minutes integer CHECK (schedule_minutes IS NULL OR schedule_minutes >= 5),
        rate_limit_per_second numeric NOT NULL DEFAULT 2 CHECK (rate_limit_per_second > 0),
        max_concurrency integer NOT NULL DEFAULT 2 CHECK (max_concurrency BETWEEN 1 AND 32),
        enabled boolean NOT NULL DEFAULT true,
        priority integer NOT NULL DEFAULT 100,
        structure_id uuid REFERENCES structure (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE ingestion_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES ingestion_source (id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'cli', 'demo', 'reparse')),
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        pages_fetched integer NOT NULL DEFAULT 0,
        offers_seen integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        closed integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        error text
      )`);
    await runner.query('CREATE INDEX ingestion_run_source_idx ON ingestion_run (source_id, started_at DESC)');

    // Raw payloads keyed by their hash: a page or JSON document fetched once is stored once, and a
    // run can be parsed again after a parser fix without fetching anything.
    await runner.query(`
      CREATE TABLE raw_payload (
        hash text PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES ingestion_source (id) ON DELETE CASCADE,
        url text,
        content_type text NOT NULL,
        body text NOT NULL,
        fetched_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Validators for conditional requests (ETag / Last-Modified) per fetched URL.
    await runner.query(`
      CREATE TABLE fetch_cache (
        url text PRIMARY KEY,
        etag text,
        last_modified text,
        payload_hash text NOT NULL REFERENCES raw_payload (hash) ON DELETE CASCADE,
        fetched_at timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE ingestion_rejection (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES ingestion_run (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES ingestion_source (id) ON DELETE CASCADE,
        external_id text,
        url text,
        field text,
        reason text NOT NULL,
        payload_hash text REFERENCES raw_payload (hash) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX ingestion_rejection_run_idx ON ingestion_rejection (run_id)');

    await runner.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL,
        external_id text NOT NULL,
        url text,
        title text NOT NULL,
        description text NOT NULL,
        employer_name text,
        employer_siret text CHECK (employer_siret ~ '^[0-9]{14}$'),
        location_text text,
        commune_insee text NOT NULL,
        commune_name text NOT NULL,
        postal_code text NOT NULL,
        departement text NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        contract_type text NOT NULL CHECK (contract_type IN ('cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'pmsmp', 'independant', 'other')),
        contract_duration_months numeric,
        working_time text NOT NULL CHECK (working_time IN ('full_time', 'part_time', 'unknown')),
        weekly_hours numeric,
        salary_text text,
        salary_min numeric,
        salary_max numeric,
        salary_period text CHECK (salary_period IN ('hour', 'month', 'year')),
        rome_code text,
        rome_label text,
        rome_inferred boolean NOT NULL DEFAULT false,
        appellation text,
        skills text[] NOT NULL DEFAULT '{}',
        qualities text[] NOT NULL DEFAULT '{}',
        driving_licences text[] NOT NULL DEFAULT '{}',
        requirements text[] NOT NULL DEFAULT '{}',
        experience_text text,
        experience_months integer,
        published_at timestamptz,
        source_updated_at timestamptz,
        expires_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at timestamptz,
        closed_reason text CHECK (closed_reason IN ('disappeared', 'expired', 'manual')),
        content_hash text NOT NULL,
        payload_hash text REFERENCES raw_payload (hash) ON DELETE SET NULL,
        fingerprint text,
        duplicate_of uuid REFERENCES offer (id) ON DELETE SET NULL,
        last_run_id uuid,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        posted_by uuid REFERENCES app_user (id),
        structure_id uuid REFERENCES structure (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, external_id),
        CHECK (duplicate_of IS NULL OR duplicate_of <> id)
      )`);
    await runner.query(`CREATE INDEX offer_open_fingerprint_idx ON offer (fingerprint) WHERE status = 'open'`);
    await runner.query('CREATE INDEX offer_source_run_idx ON offer (source, last_run_id)');
    await runner.query(`CREATE INDEX offer_expiry_idx ON offer (expires_at) WHERE status = 'open'`);
    await runner.query('CREATE INDEX offer_duplicate_idx ON offer (duplicate_of)');

    // Changes the search index must take: written in the same transaction as the offer change
    // (transactional outbox), consumed by the index-offers queue.
    await runner.query(`
      CREATE TABLE offer_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'offer_outbox',
      'offer',
      'ingestion_rejection',
      'fetch_cache',
      'raw_payload',
      'ingestion_run',
      'ingestion_source',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
