import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { StaffClosedReason } from '../domain/offer.js';
import {
  DUPLICATE_THRESHOLDS,
  type DuplicateCandidate,
  duplicateFingerprint,
  isSameJob,
  titleSimilarity,
} from '../domain/similarity.js';
import { type BatchOutcome, OfferStore, type OfferWrite } from '../application/ports/offer-store.js';

const COLUMNS = [
  'source',
  'external_id',
  'url',
  'title',
  'description',
  'employer_name',
  'employer_siret',
  'location_text',
  'commune_insee',
  'commune_name',
  'postal_code',
  'departement',
  'region',
  'place_precision',
  'place_label',
  'latitude',
  'longitude',
  'contract_type',
  'contract_duration_months',
  'working_time',
  'weekly_hours',
  'salary_text',
  'salary_min',
  'salary_max',
  'salary_period',
  'rome_code',
  'rome_label',
  'rome_inferred',
  'rome_other_readings',
  'rome_read_from',
  'rome_similar_offers',
  'rome_agreeing_offers',
  'appellation',
  'skills',
  'text_skill_ids',
  'qualities',
  'driving_licences',
  'requirements',
  'experience_text',
  'experience_months',
  'published_at',
  'source_updated_at',
  'expires_at',
  'content_hash',
  'payload_hash',
  'fingerprint',
  'last_run_id',
  'posted_by',
  'structure_id',
] as const;

/** Columns an update rewrites (identity, first-seen and posting columns are kept). */
const UPDATED = COLUMNS.filter((column) => !['source', 'external_id', 'posted_by', 'structure_id'].includes(column));

const STAFF_CLOSED: readonly string[] = ['manual', 'filled'] satisfies StaffClosedReason[];

function row(write: OfferWrite, runId: string | null, postedBy: string | null, structureId: string | null): unknown[] {
  const o = write.offer;
  return [
    o.source,
    o.externalId,
    o.url,
    o.title,
    o.description,
    o.employerName,
    o.employerSiret,
    o.location.text,
    o.location.communeInsee,
    o.location.communeName,
    o.location.postalCode,
    o.location.departement,
    o.location.region,
    o.location.precision,
    o.location.label,
    o.location.latitude,
    o.location.longitude,
    o.contractType,
    o.contractDurationMonths,
    o.workingTime,
    o.weeklyHours,
    o.salary.text,
    o.salary.min,
    o.salary.max,
    o.salary.period,
    o.rome?.code ?? null,
    o.rome?.label ?? null,
    o.rome?.inferred ?? false,
    o.rome && o.rome.otherReadings.length > 0 ? JSON.stringify(o.rome.otherReadings) : null,
    o.rome?.readFrom ?? null,
    o.rome?.similarOffers ?? null,
    o.rome?.agreeingOffers ?? null,
    o.rome?.appellation ?? null,
    o.skills,
    o.textSkills ?? null,
    o.qualities,
    o.drivingLicences,
    o.requirements,
    o.experience.text,
    o.experience.months,
    o.publishedAt,
    o.sourceUpdatedAt,
    o.expiresAt,
    write.contentHash,
    write.payloadHash,
    duplicateFingerprint(o.location),
    runId,
    postedBy,
    structureId,
  ];
}

function toCandidate(row: { title: string; description: string; employer_name: string | null }): DuplicateCandidate {
  return { title: row.title, description: row.description, employerName: row.employer_name };
}

/**
 * Writes offers in batches with a few statements per batch, not one per offer: at 1,000 offers/s
 * round trips are what costs. Every created, changed or closed offer gets an outbox row in the same
 * transaction, so the search index can never miss a change.
 */
@Injectable()
export class SqlOfferStore extends OfferStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async applyBatch(
    source: string,
    runId: string | null,
    writes: readonly OfferWrite[],
    options: { postedBy?: string; structureId?: string } = {},
  ): Promise<BatchOutcome> {
    if (writes.length === 0) return { created: 0, updated: 0, unchanged: 0, changedIds: [] };
    // The last write wins when a source lists the same offer twice in one batch.
    const unique = [...new Map(writes.map((write) => [write.offer.externalId, write])).values()];
    return this.dataSource.transaction(async (manager) => {
      const existing: Array<{
        external_id: string;
        content_hash: string;
        status: string;
        closed_reason: string | null;
      }> = await manager.query(
        'SELECT external_id, content_hash, status, closed_reason FROM offer WHERE source = $1 AND external_id = ANY($2)',
        [source, unique.map((write) => write.offer.externalId)],
      );
      const known = new Map(existing.map((item) => [item.external_id, item]));
      const toWrite = unique.filter((write) => {
        const current = known.get(write.offer.externalId);
        // An offer staff closed or marked filled stays so, even while its source still lists it.
        if (current && current.status === 'closed' && STAFF_CLOSED.includes(current.closed_reason ?? '')) return false;
        return !current || current.content_hash !== write.contentHash || current.status !== 'open';
      });
      const unchangedIds = unique.filter((write) => !toWrite.includes(write)).map((write) => write.offer.externalId);
      if (unchangedIds.length > 0) {
        await manager.query(
          'UPDATE offer SET last_run_id = $3, last_seen_at = now() WHERE source = $1 AND external_id = ANY($2)',
          [source, unchangedIds, runId],
        );
      }
      let created = 0;
      const changedIds: string[] = [];
      if (toWrite.length > 0) {
        const values: unknown[] = [];
        const tuples = toWrite.map((write) => {
          const fields = row(write, runId, options.postedBy ?? null, options.structureId ?? null);
          const placeholders = fields.map((field) => {
            values.push(field);
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        const result: Array<{ id: string; inserted: boolean }> = await manager.query(
          `INSERT INTO offer (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
           ON CONFLICT (source, external_id) DO UPDATE SET
             ${UPDATED.map((column) => `${column} = EXCLUDED.${column}`).join(', ')},
             status = 'open', closed_at = NULL, closed_reason = NULL, last_seen_at = now(), updated_at = now()
           RETURNING id, (xmax = 0) AS inserted`,
          values,
        );
        for (const item of result) {
          if (item.inserted) created += 1;
          changedIds.push(item.id);
        }
        await this.enqueueForIndex(manager, changedIds);
      }
      return { created, updated: toWrite.length - created, unchanged: unchangedIds.length, changedIds };
    });
  }

  /** Closes the source's open offers a complete run did not see: they disappeared from the source. */
  async closeNotSeen(source: string, runId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [closed]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE offer SET status = 'closed', closed_at = now(), closed_reason = 'disappeared', updated_at = now()
         WHERE source = $1 AND status = 'open' AND last_run_id IS DISTINCT FROM $2 AND posted_by IS NULL
         RETURNING id`,
        [source, runId],
      );
      await this.enqueueForIndex(
        manager,
        closed.map((item) => item.id),
      );
      return closed.length;
    });
  }

  /**
   * Closes offers by hand (`manual`) or because the job was filled (`filled`); an offer already
   * closed takes the new reason and keeps its closing date. In the caller's transaction when given.
   */
  async close(ids: readonly string[], reason: StaffClosedReason, manager?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const run = async (m: EntityManager): Promise<string[]> => {
      const [closed]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE offer SET status = 'closed', closed_at = COALESCE(closed_at, now()), closed_reason = $2,
           updated_at = now()
         WHERE id = ANY($1::uuid[]) AND (status = 'open' OR closed_reason IS DISTINCT FROM $2) RETURNING id`,
        [[...ids], reason],
      );
      await this.enqueueForIndex(
        m,
        closed.map((item) => item.id),
      );
      return closed.map((item) => item.id);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Closes every open offer whose expiry date has passed. */
  async closeExpired(now: Date = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [closed]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE offer SET status = 'closed', closed_at = now(), closed_reason = 'expired', updated_at = now()
         WHERE status = 'open' AND expires_at < $1 RETURNING id`,
        [now],
      );
      await this.enqueueForIndex(
        manager,
        closed.map((item) => item.id),
      );
      return closed.length;
    });
  }

  /**
   * Links each given offer to an earlier open offer of another source that is the same job (see
   * DUPLICATE_THRESHOLDS); the earliest seen stays canonical. Returns how many were linked.
   */
  async linkDuplicates(offerIds: readonly string[]): Promise<number> {
    if (offerIds.length === 0) return 0;
    type Row = {
      id: string;
      source: string;
      title: string;
      description: string;
      fingerprint: string;
      first_seen_at: Date;
      commune_name: string;
      employer_name: string | null;
      duplicate_of: string | null;
    };
    const columns =
      'id, source, title, description, fingerprint, first_seen_at, commune_name, employer_name, duplicate_of';
    const offers: Row[] = await this.dataSource.query(
      `SELECT ${columns} FROM offer WHERE id = ANY($1) AND fingerprint IS NOT NULL AND status = 'open'`,
      [offerIds],
    );
    if (offers.length === 0) return 0;
    // Only other sources' offers can be copies; a run's batch comes from one source, so the
    // database leaves that source out and a single-source import compares nothing at all.
    const sources = [...new Set(offers.map((offer) => offer.source))];
    const candidates: Row[] = await this.dataSource.query(
      `SELECT ${columns} FROM offer
       WHERE fingerprint = ANY($1) AND status = 'open' AND duplicate_of IS NULL AND ($2::text IS NULL OR source <> $2)
       ORDER BY first_seen_at, id`,
      [[...new Set(offers.map((offer) => offer.fingerprint))], sources.length === 1 ? sources[0] : null],
    );
    const byFingerprint = new Map<string, Row[]>();
    for (const candidate of candidates) {
      const list = byFingerprint.get(candidate.fingerprint) ?? [];
      list.push(candidate);
      byFingerprint.set(candidate.fingerprint, list);
    }
    const changes: Array<{ id: string; duplicateOf: string | null }> = [];
    let linked = 0;
    for (const offer of offers) {
      const canonical = (byFingerprint.get(offer.fingerprint) ?? []).find(
        (candidate) =>
          candidate.source !== offer.source &&
          candidate.id !== offer.id &&
          (candidate.first_seen_at < offer.first_seen_at ||
            (candidate.first_seen_at.getTime() === offer.first_seen_at.getTime() && candidate.id < offer.id)) &&
          // Titles first: cheap, and most candidates fail there before descriptions are compared.
          titleSimilarity(candidate.title, offer.title, offer.commune_name) >= DUPLICATE_THRESHOLDS.title &&
          isSameJob(toCandidate(candidate), toCandidate(offer), offer.commune_name),
      );
      const duplicateOf = canonical?.id ?? null;
      if (duplicateOf !== offer.duplicate_of) changes.push({ id: offer.id, duplicateOf });
      if (duplicateOf && duplicateOf !== offer.duplicate_of) linked += 1;
    }
    if (changes.length > 0) {
      await this.dataSource.query(
        `UPDATE offer o SET duplicate_of = v.duplicate_of
         FROM unnest($1::uuid[], $2::uuid[]) AS v(id, duplicate_of) WHERE o.id = v.id`,
        [changes.map((change) => change.id), changes.map((change) => change.duplicateOf)],
      );
    }
    return linked;
  }

  private async enqueueForIndex(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('INSERT INTO offer_outbox (offer_id) SELECT unnest($1::uuid[])', [ids]);
  }
}
