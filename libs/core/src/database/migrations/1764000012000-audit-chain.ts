import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit log tamper-evident: every row is sealed into a hash chain (its sequence number,
 * the previous row's hash, and SHA-256 over its fields and that hash), so a changed row no longer
 * matches its hash and a deleted one breaks the sequence and the next row's link.
 * `cli audit verify` walks the chain (libs/identity/src/domain/audit-chain.ts, same serialisation).
 *
 * Sealing is done by the database, so raw SQL inserts are sealed like the application's. It runs
 * as a deferred constraint trigger, at commit: the chain head is locked only for the instant of the
 * commit (not from the insert to the end of a business transaction, which would serialise every
 * audited transaction and deadlock one holding the chain against one holding a row it needs), and
 * rows are chained in commit order, which is the order readers can see them in. The head row is
 * locked FOR UPDATE, which also fails safely (serialisation error) rather than forking the chain
 * under REPEATABLE READ. The sealing function runs with its owner's rights (SECURITY DEFINER), so
 * the application's role needs only INSERT on audit_event when it does not own the tables.
 */
export class AuditChain1764000012000 implements MigrationInterface {
  name = 'AuditChain1764000012000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE audit_event ADD COLUMN chain_seq bigint UNIQUE,
      ADD COLUMN prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
      ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$')`);
    // The last sealed row: also what lets verify notice rows deleted at the end of the chain.
    await runner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        seq bigint NOT NULL,
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    await runner.query(`INSERT INTO audit_chain_head (seq, hash) VALUES (0, repeat('0', 64))`);

    // One field: its length in bytes, a colon, the text, a bar; NULL is a lone '-|'. Unambiguous
    // whatever the text holds. Each value is a built-in cast or to_char, independent of session settings.
    await runner.query(`
      CREATE FUNCTION audit_chain_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END || '|'
      $$`);
    await runner.query(`
      CREATE FUNCTION audit_chain_hash(e audit_event, seq bigint, prev text) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to('audit-v1|'
          || audit_chain_field(seq::text) || audit_chain_field(e.id::text)
          || audit_chain_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
          || audit_chain_field(e.actor_user_id::text) || audit_chain_field(e.actor_structure_id::text)
          || audit_chain_field(e.actor_roles::text) || audit_chain_field(e.action)
          || audit_chain_field(e.subject_type) || audit_chain_field(e.subject_id)
          || audit_chain_field(e.subject_structure_id::text) || audit_chain_field(e.request_id)
          || audit_chain_field(e.ip) || audit_chain_field(e.details::text) || audit_chain_field(prev), 'UTF8')), 'hex')
      $$`);

    // Rows already there are chained in id order, with the append-only guard off for this transaction.
    await runner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await runner.query(`
      DO $$
      DECLARE
        e audit_event;
        n bigint := 0;
        prev text := repeat('0', 64);
        digest text;
      BEGIN
        FOR e IN SELECT * FROM audit_event ORDER BY id LOOP
          n := n + 1;
          digest := audit_chain_hash(e, n, prev);
          UPDATE audit_event SET chain_seq = n, prev_hash = prev, hash = digest WHERE id = e.id;
          prev := digest;
        END LOOP;
        UPDATE audit_chain_head SET seq = n, hash = prev;
      END $$`);
    await runner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');

    // A writer cannot choose its own seal: whatever an INSERT says, the commit decides.
    await runner.query(`
      CREATE FUNCTION audit_event_unsealed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.chain_seq := NULL;
        NEW.prev_hash := NULL;
        NEW.hash := NULL;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_event_unsealed BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_unsealed()`);
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
    // A SECURITY DEFINER function must not find objects through a search path its caller controls.
    await runner.query(`
      DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION audit_event_seal() SET search_path = pg_catalog, %I, pg_temp', current_schema());
        EXECUTE format('ALTER FUNCTION audit_chain_hash(audit_event, bigint, text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_seal()`);

    // The guard keeps refusing UPDATE, DELETE and TRUNCATE, except the seal's own update: made from
    // inside a trigger (depth > 1, which no direct statement has) on a row not sealed yet.
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF pg_trigger_depth() > 1 AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.seq = OLD.seq + 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_chain_head moves only with the chain: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
      FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`);
    await runner.query(`
      CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER audit_event_seal ON audit_event');
    await runner.query('DROP TRIGGER audit_event_unsealed ON audit_event');
    await runner.query('DROP FUNCTION audit_event_seal');
    await runner.query('DROP FUNCTION audit_event_unsealed');
    await runner.query('DROP TABLE audit_chain_head');
    await runner.query('DROP FUNCTION audit_chain_head_guard');
    await runner.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query('DROP FUNCTION audit_chain_hash');
    await runner.query('DROP FUNCTION audit_chain_field');
    await runner.query('ALTER TABLE audit_event DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash');
  }
}
