import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlacePrecision } from '@passerelle/offers';
import { scheduleFlags } from '../domain/schedule.js';
import { epochSeconds, type OccupationReading, type OfferDocument } from '../domain/offer-document.js';
import { OfferDocuments } from '../application/ports/offer-documents.js';
import { type OfferSkills, SkillModel } from '../application/skill-model.js';

interface OfferRow {
  id: string;
  title: string;
  description: string;
  employer_name: string | null;
  rome_code: string | null;
  rome_label: string | null;
  /** Next readings of an occupation read from the text (jsonb, see migration 1764000024000). */
  rome_other_readings: Array<{ codeRome: string; label: string; weight: number }> | null;
  skills: string[];
  /** Skills read from the description when the offer was written (null: written before them). */
  text_skill_ids: string[] | null;
  contract_type: string;
  working_time: string;
  driving_licences: string[];
  commune_name: string | null;
  postal_code: string | null;
  departement: string | null;
  region: string | null;
  place_precision: PlacePrecision;
  place_label: string;
  latitude: number | null;
  longitude: number | null;
  published_at: Date | null;
  source: string;
  status: string;
  duplicate_of: string | null;
  content_hash: string;
}

// Text arrays read as JSON: node-postgres parses an array's text form character by character, five
// times slower than JSON.parse (a tenth of a reindex's projection).
const COLUMNS = `id, title, description, employer_name, rome_code, rome_label, rome_other_readings,
  array_to_json(skills) AS skills, array_to_json(text_skill_ids) AS text_skill_ids, contract_type, working_time,
  array_to_json(driving_licences) AS driving_licences, commune_name, postal_code, departement, region,
  place_precision, place_label, latitude, longitude, published_at, source, status, duplicate_of, content_hash`;

function toDocument(row: OfferRow, skills: OfferSkills, otherOccupations: OccupationReading[]): OfferDocument {
  return {
    id: row.id,
    title: row.title,
    employerName: row.employer_name,
    romeCode: row.rome_code,
    romeLabel: row.rome_label,
    skills: row.skills,
    contractType: row.contract_type,
    workingTime: row.working_time,
    drivingLicences: row.driving_licences,
    communeName: row.commune_name,
    postalCode: row.postal_code,
    departement: row.departement,
    region: row.region,
    placePrecision: row.place_precision,
    placeLabel: row.place_label,
    // Only a commune-level offer has a point: an area's offer is found by its area, not by distance.
    // Undefined rather than spread in or not: every document then has one shape, which
    // JSON.stringify reads faster, and it leaves an undefined property out as an absent one.
    _geo:
      row.place_precision === 'commune' && row.latitude !== null && row.longitude !== null
        ? { lat: row.latitude, lng: row.longitude }
        : undefined,
    publishedAt: epochSeconds(row.published_at),
    source: row.source,
    schedule: scheduleFlags(`${row.title}\n${row.description}`),
    stamp: row.content_hash,
    skillIds: skills.skillIds,
    coreSkillIds: skills.coreSkillIds,
    textSkillIds: skills.textSkillIds,
    otherOccupations,
    _vectors: { skills: skills.vector },
  };
}

/** Which offers belong in the index (open, canonical) and their documents, read from the `offer` table. */
@Injectable()
export class SqlOfferDocuments extends OfferDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skills: SkillModel,
  ) {
    super();
  }

  private async toDocuments(rows: readonly OfferRow[]): Promise<OfferDocument[]> {
    const offerSkills = await this.skills.offerSkillsReader();
    return rows.map((row) => {
      // Read from the text, not given by the source: the next readings count too.
      const others: OccupationReading[] = (row.rome_other_readings ?? [])
        .filter((reading) => reading.codeRome !== row.rome_code)
        .map((reading) => ({ romeCode: reading.codeRome, romeLabel: reading.label, weight: reading.weight }));
      const skills = offerSkills(
        row.rome_code,
        row.skills,
        row.text_skill_ids ? { skillIds: row.text_skill_ids } : row.description,
        others.map((reading) => ({ codeRome: reading.romeCode, weight: reading.weight })),
      );
      return toDocument(row, skills, others);
    });
  }

  /** For the given offers: documents of those that belong in the index, ids of those that do not. */
  async forIds(
    ids: readonly string[],
    /** The caller's transaction, if any: the read then takes no connection of its own. */
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ upserts: OfferDocument[]; deletes: string[] }> {
    const rows: OfferRow[] = await manager.query(`SELECT ${COLUMNS} FROM offers_offer_v WHERE id = ANY($1)`, [ids]);
    const found = new Set(rows.map((row) => row.id));
    const upserts = await this.toDocuments(rows.filter((row) => row.status === 'open' && row.duplicate_of === null));
    const kept = new Set(upserts.map((document) => document.id));
    const deletes = [
      ...new Set([...ids.filter((id) => !found.has(id)), ...rows.map((row) => row.id).filter((id) => !kept.has(id))]),
    ];
    return { upserts, deletes };
  }

  /**
   * Every document that belongs in the index, in pages, read in one pass through a cursor (in no
   * particular order). Paging by `id > last ORDER BY id LIMIT n` cost a scan and a sort of every
   * open offer per page whenever the planner had no statistics (a freshly loaded table, autovacuum
   * off): quadratic, and on the cores Meilisearch indexes with. The next page is fetched while this
   * one is projected.
   */
  async *all(pageSize = 5_000, firstPageSize = pageSize): AsyncGenerator<OfferDocument[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let reading: Promise<OfferRow[]> | undefined;
    try {
      // A cursor lives in a transaction; it reads the snapshot of its DECLARE.
      await runner.startTransaction();
      await runner.query(
        `DECLARE offer_documents NO SCROLL CURSOR FOR
           SELECT ${COLUMNS} FROM offers_offer_v WHERE status = 'open' AND duplicate_of IS NULL`,
      );
      const fetch = (size: number): Promise<OfferRow[]> =>
        runner.query(`FETCH FORWARD ${Math.max(1, Math.floor(size))} FROM offer_documents`);
      let asked = firstPageSize;
      reading = fetch(asked);
      for (;;) {
        const rows: OfferRow[] = await reading;
        if (rows.length === 0) return;
        reading = rows.length < asked ? Promise.resolve([]) : fetch((asked = pageSize));
        // Left unawaited if the consumer stops early: its failure then must not go unhandled.
        reading.catch(() => undefined);
        yield await this.toDocuments(rows);
      }
    } finally {
      // A fetch still running when the consumer stopped ends before the transaction does.
      await reading?.catch(() => undefined);
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** Ids and content stamps of every offer that belongs in the index (for reconciliation). */
  async expectedStamps(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; stamp: string }> = await this.dataSource.query(
      `SELECT id, content_hash AS stamp FROM offers_offer_v WHERE status = 'open' AND duplicate_of IS NULL`,
    );
    return new Map(rows.map((row) => [row.id, row.stamp]));
  }
}
