import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each context reads and writes only its own tables (ADR 0010). What another context needs to read
 * of them, its owner publishes here as a view holding only those columns: the view is the owner's
 * read contract, listed with it in database/table-owners.ts, and the guard test
 * (table-owners.spec.ts) refuses SQL that reads another context's table directly. Writes go through
 * the owner's door or its events, never through a view.
 *
 * A view names its columns: the owner may add columns to its table freely, but changing or dropping
 * one a view names fails in the migration that tries, which is where a contract change is decided.
 * Views are plain (no aggregate, no DISTINCT), so PostgreSQL folds them into the reader's query: the
 * plans are the ones of the queries that read the tables, and `FOR UPDATE` through a view locks the
 * owner's rows as it did (a lock, which writes nothing).
 */
const VIEWS: ReadonlyArray<readonly [name: string, query: string]> = [
  // identity: who a user is (names in lists, the coach locked while assigned, the mediator's address).
  ['identity_user_v', 'SELECT id, display_name, email, structure_id, roles, status FROM app_user'],
  // identity: the structures' tree and names.
  ['identity_structure_v', 'SELECT id, parent_id, name FROM structure'],
  // identity: the audit rows about a subject (a person's export lists who accessed their file).
  [
    'identity_audit_trail_v',
    'SELECT id, occurred_at, actor_user_id, action, subject_type, subject_id, details FROM audit_event',
  ],
  // referential: a commune's name and département (the indicators' labels).
  ['referential_commune_v', 'SELECT insee_code, name, departement FROM ref_commune'],
  // ingestion: every source with its runs (a source never run: one row, no run), for the metrics.
  [
    'ingestion_source_run_v',
    `SELECT s.name AS source, r.id AS run_id, r.status, r.started_at,
       r.created, r.updated, r.unchanged, r.closed, r.rejected, r.duplicates
     FROM ingestion_source s LEFT JOIN ingestion_run r ON r.source_id = s.id`,
  ],
  // offers: what an offer says, for the index documents, the coaches' and mediators' lists, the
  // reparse of a source and the indicators. Not in it: provenance (external id, URL, run), the
  // salary figures and requirements no other context reads.
  [
    'offers_offer_v',
    `SELECT id, source, title, description, employer_name, employer_siret, rome_code, rome_label,
       rome_other_readings, skills, qualities, contract_type, contract_duration_months, working_time,
       weekly_hours, driving_licences, salary_text, commune_insee, commune_name, postal_code, departement,
       region, place_precision, place_label, latitude, longitude, published_at, expires_at, status,
       duplicate_of, content_hash, payload_hash, first_seen_at, posted_by, structure_id
     FROM offer`,
  ],
  // offers: the index outbox's backlog, for the metrics (its reader drains it through OfferOutbox).
  ['offers_outbox_v', 'SELECT created_at FROM offer_outbox'],
  // coaching: a person as other contexts see them (no contact details, no free text).
  [
    'coaching_beneficiary_v',
    `SELECT id, structure_id, referent_user_id, first_name, last_name, status, commune_insee,
       home_departement, orientation_date, exit_reason, ended_on, cv_deposited_on, erased_at
     FROM beneficiary`,
  ],
  // coaching: when each barrier was identified and resolved (the indicators' "ready for a job").
  ['coaching_barrier_v', 'SELECT beneficiary_id, created_at, resolved_at FROM barrier'],
  // coaching: which offers were proposed to whom, and when (mediation's first-candidate report).
  ['coaching_offer_proposal_v', 'SELECT beneficiary_id, offer_id, proposed_at FROM offer_proposal'],
  // coaching: whose card may show a photo (never the photo itself).
  ['coaching_photo_v', 'SELECT beneficiary_id FROM beneficiary_photo'],
  // coaching: the erasure outbox's backlog, for the metrics.
  ['coaching_erasure_outbox_v', 'SELECT recorded_at, completed_at FROM beneficiary_erased_event'],
  // mediation: an introduction's course (coaching's candidate counts, the indicators): when its card
  // was first sent and when the employer first answered.
  [
    'mediation_introduction_v',
    `SELECT n.id, n.beneficiary_id, n.status, n.created_at,
       (SELECT min(l.created_at) FROM card_link l WHERE l.introduction_id = n.id) AS card_sent_at,
       (SELECT min(e.at) FROM introduction_event e WHERE e.introduction_id = n.id AND e.kind = 'answered') AS answered_at
     FROM introduction n`,
  ],
];

export class PublishedReadModels1764000025000 implements MigrationInterface {
  name = 'PublishedReadModels1764000025000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [name, query] of VIEWS) await runner.query(`CREATE VIEW ${name} AS ${query}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [name] of [...VIEWS].reverse()) await runner.query(`DROP VIEW ${name}`);
  }
}
