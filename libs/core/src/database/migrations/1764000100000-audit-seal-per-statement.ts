import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain is sealed once per INSERT statement instead of once per row (issue 20; ADR 0005,
 * addendum). Listing 20 people for an offer wrote 20 rows in one statement, and each row's deferred
 * trigger locked the chain head, hashed, updated its row and moved the head: 20 head locks and 20
 * head updates (dead versions that every later lock had to step over until vacuum) per request.
 *
 * Now a statement-level trigger hands the statement's rows (its transition table) to one row of
 * `audit_seal_batch`, and a deferred constraint trigger on that row seals them at commit, in id
 * order, in one pass: one head lock, the rows' fields serialised in one query, one update of the
 * rows and one of the head. Everything ADR 0005 relies on stays: sealing at commit by the database
 * whatever the writer (raw SQL and COPY included), commit order, no gap after a rollback (the batch
 * row rolls back with its rows, savepoints included), the writer's own seal discarded, the functions
 * run with the owner's rights and a pinned search path. The chain is the same chain: same fields,
 * same serialisation (libs/identity/src/domain/audit-chain.ts), so `cli audit verify` is unchanged.
 */
export class AuditSealPerStatement1764000100000 implements MigrationInterface {
  name = 'AuditSealPerStatement1764000100000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per INSERT statement on audit_event whose rows wait for their seal; the seal deletes it.
    await runner.query(`
      CREATE TABLE audit_seal_batch (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_ids bigint[] NOT NULL CHECK (cardinality(event_ids) > 0)
      )`);
    // Only the triggers write it (depth > 1, which no direct statement has): a role that could add a
    // batch could have rows someone inserted with the seal off sealed after the fact.
    await runner.query(`
      CREATE FUNCTION audit_seal_batch_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'TRUNCATE' AND pg_trigger_depth() > 1 THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'audit_seal_batch is written by the audit triggers only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_seal_batch_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_seal_batch
      FOR EACH ROW EXECUTE FUNCTION audit_seal_batch_guard()`);
    await runner.query(`
      CREATE TRIGGER audit_seal_batch_no_truncate BEFORE TRUNCATE ON audit_seal_batch
      FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_batch_guard()`);

    await runner.query('DROP TRIGGER audit_event_seal ON audit_event');
    await runner.query('DROP FUNCTION audit_event_seal()');
    await runner.query(`
      CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN
        INSERT INTO audit_seal_batch (event_ids) SELECT array_agg(id ORDER BY id) FROM added HAVING count(*) > 0;
        RETURN NULL;
      END $$`);
    // Same name as the per-row trigger it replaces: disabling it is still what leaves rows unsealed.
    await runner.query(`
      CREATE TRIGGER audit_event_seal AFTER INSERT ON audit_event REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_seal()`);

    // The serialisation is audit_chain_hash's (and audit-chain.ts's), written out so that the fields of
    // the whole batch are rendered by one query; only the SHA-256 over them and the previous hash is
    // computed row after row. Rows are found by id (never through the chain_seq index, whose NULL
    // entries include every sealed row's dead unsealed version until vacuum) and sealed only once.
    await runner.query(`
      CREATE FUNCTION audit_seal_batch_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      DECLARE
        head audit_chain_head;
        event record;
        last_seq bigint;
        last_hash text;
        ids bigint[] := '{}';
        seqs bigint[] := '{}';
        prevs text[] := '{}';
        digests text[] := '{}';
      BEGIN
        SELECT * INTO head FROM audit_chain_head FOR UPDATE;
        last_seq := head.seq;
        last_hash := head.hash;
        FOR event IN
          SELECT e.id, e.chain_seq IS NOT NULL AS sealed,
            audit_chain_field(e.id::text)
            || audit_chain_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
            || audit_chain_field(e.actor_user_id::text) || audit_chain_field(e.actor_structure_id::text)
            || audit_chain_field(e.actor_roles::text) || audit_chain_field(e.action)
            || audit_chain_field(e.subject_type) || audit_chain_field(e.subject_id)
            || audit_chain_field(e.subject_structure_id::text) || audit_chain_field(e.request_id)
            || audit_chain_field(e.ip) || audit_chain_field(e.details::text) AS fields
          FROM audit_event e WHERE e.id = ANY (NEW.event_ids) ORDER BY e.id
        LOOP
          CONTINUE WHEN event.sealed;
          last_seq := last_seq + 1;
          ids := ids || event.id;
          seqs := seqs || last_seq;
          prevs := prevs || last_hash;
          last_hash := encode(sha256(convert_to(
            'audit-v1|' || audit_chain_field(last_seq::text) || event.fields || audit_chain_field(last_hash), 'UTF8')), 'hex');
          digests := digests || last_hash;
        END LOOP;
        IF last_seq > head.seq THEN
          UPDATE audit_event e SET chain_seq = s.seq, prev_hash = s.prev, hash = s.digest
          FROM unnest(ids, seqs, prevs, digests) AS s(id, seq, prev, digest) WHERE e.id = s.id;
          UPDATE audit_chain_head SET seq = last_seq, hash = last_hash;
        END IF;
        DELETE FROM audit_seal_batch WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await runner.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION audit_event_seal() SET search_path = pg_catalog, %I, pg_temp', current_schema());
        EXECUTE format('ALTER FUNCTION audit_seal_batch_seal() SET search_path = pg_catalog, %I, pg_temp', current_schema());
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER audit_seal_batch_seal AFTER INSERT ON audit_seal_batch
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal_batch_seal()`);

    // The head now moves by a whole batch at once, still only forward and only from a trigger.
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.seq > OLD.seq THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_chain_head moves only with the chain: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.seq = OLD.seq + 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_chain_head moves only with the chain: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query('DROP TRIGGER audit_event_seal ON audit_event');
    await runner.query('DROP FUNCTION audit_event_seal()');
    await runner.query('DROP TABLE audit_seal_batch');
    await runner.query('DROP FUNCTION audit_seal_batch_seal()');
    await runner.query('DROP FUNCTION audit_seal_batch_guard()');
    // Migration 1764000012000's per-row seal.
    await runner.query(`
      CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      DECLARE
        head audit_chain_head;
        digest text;
      BEGIN
        SELECT * INTO head FROM audit_chain_head FOR UPDATE;
        digest := audit_chain_hash(NEW, head.seq + 1, head.hash);
        UPDATE audit_event SET chain_seq = head.seq + 1, prev_hash = head.hash, hash = digest WHERE id = NEW.id;
        UPDATE audit_chain_head SET seq = head.seq + 1, hash = digest;
        RETURN NULL;
      END $$`);
    await runner.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION audit_event_seal() SET search_path = pg_catalog, %I, pg_temp', current_schema());
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_seal()`);
  }
}
