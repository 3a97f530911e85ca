import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import { Clock, type CsvValue, frenchCsvDocument } from '@passerelle/core';
import { type Actor, identityError, StructureTree } from '@passerelle/identity';
import { MEDIATION_SOURCE } from '@passerelle/mediation';
import { INDICATORS, type IndicatorUnit, ratio } from '../domain/indicators.js';
import { type Milestone, MILESTONES } from '../domain/outcomes.js';
import { outcomesError } from '../domain/outcomes-errors.js';

/**
 * How a report is split: by referent coach, by structure, or by territory — the person's home
 * commune, or its département (kept after anonymisation, when the commune is gone).
 */
export const INDICATOR_GROUPS = ['none', 'coach', 'structure', 'commune', 'departement'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** The fewest people a commune's figures are shown for; smaller communes are pooled. */
export const MIN_COMMUNE_GROUP = 5;
const SMALL_COMMUNES = '_small';
const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

export interface IndicatorQuery {
  readonly from: string;
  readonly to: string;
  /** A structure of the actor's reach (with its children); default: all the actor reaches. */
  readonly structureId?: string;
  readonly coachId?: string;
  readonly groupBy?: IndicatorGroup;
}

export interface IndicatorValue {
  readonly key: string;
  readonly label: string;
  readonly unit: IndicatorUnit;
  readonly target: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  /** Rates against a target: met, not met, or null (no target or nothing to measure). */
  readonly targetMet: boolean | null;
  /** RSA exit: checkpoints due but not answered yet (in the denominator, not the numerator). */
  readonly unknown?: number;
}

export interface IndicatorsReport {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly structureId: string | null;
  readonly coachId: string | null;
  readonly groupBy: IndicatorGroup;
  readonly groups: Array<{
    readonly key: string | null;
    readonly label: string;
    readonly indicators: IndicatorValue[];
  }>;
}

/** 2026-01-31 → 31/01/2026. */
const frenchDate = (date: string): string => date.split('-').reverse().join('/');

type MilestoneCounts = Record<`${'due' | 'exit' | 'answered'}_${Milestone}`, number>;

interface PeopleRow extends MilestoneCounts {
  grp: string | null;
  followed: number;
  cohort: number;
  returned: number;
  job_ready: number;
  cv_ok: number;
  placements: number;
  durable: number;
  introductions: number;
  intro_people: number;
  intro_days: number | null;
  hire_people: number;
  hire_days: number | null;
}

interface ResponseRow {
  grp: string | null;
  sent: number;
  answered: number;
  median_hours: number | null;
}

interface OffersRow {
  grp: string | null;
  offers: number;
}

/** `RSA exit linked to a job` at one milestone, for the person `p` of the facts CTE. */
const rsaExit = (milestone: string, months: number): string => `
  EXISTS (SELECT 1 FROM follow_up f WHERE f.beneficiary_id = p.id AND f.kind = 'coaching_end'
    AND f.milestone = '${milestone}' AND f.rsa_exit AND (f.in_job OR EXISTS (
      SELECT 1 FROM placement pl WHERE pl.beneficiary_id = p.id
        AND pl.start_date <= (p.ended_on + interval '${months} months')::date
        AND (pl.end_date IS NULL OR pl.end_date >= (p.ended_on + interval '${months} months')::date))))`;
const answered = (milestone: string): string => `
  EXISTS (SELECT 1 FROM follow_up f WHERE f.beneficiary_id = p.id AND f.kind = 'coaching_end'
    AND f.milestone = '${milestone}' AND f.answered_at IS NOT NULL)`;
const milestones = Object.entries(MILESTONES) as Array<[Milestone, number]>;
/** Per person and end-of-coaching checkpoint: due by the report's day, RSA left with a job, answered. */
const MILESTONE_FACTS = milestones
  .map(
    ([m, months]) =>
      `(p.ended_on + interval '${months} months')::date <= $5 AS due_${m}, ${rsaExit(m, months)} AS exit_${m},
       ${answered(m)} AS answered_${m}`,
  )
  .join(',\n');
/** The same, counted over the cohort. */
const MILESTONE_COUNTS = milestones
  .map(
    ([m]) => `count(*) FILTER (WHERE in_cohort AND due_${m})::int AS due_${m},
           count(*) FILTER (WHERE in_cohort AND due_${m} AND exit_${m})::int AS exit_${m},
           count(*) FILTER (WHERE in_cohort AND due_${m} AND answered_${m})::int AS answered_${m}`,
  )
  .join(',\n');

/**
 * The programme indicators, computed by SQL from the records on every call (no counters): per
 * structure (with its children), coach and period, optionally grouped by coach or structure.
 * Anonymised files keep the facts counted here (dates, exit reason, structure, referent).
 */
@Injectable()
export class ComputeIndicators {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, query: IndicatorQuery): Promise<IndicatorsReport> {
    if (query.from > query.to)
      throw outcomesError('indicators.period', 'the period ends before it starts', [
        { field: 'from', reason: `after ${query.to}` },
      ]);
    const { structureIds: reach } = await this.tree.reach(actor, 'indicators.read');
    let structures = reach;
    if (query.structureId) {
      if (reach !== null && !reach.includes(query.structureId))
        throw identityError('structure.not_found', 'no such structure within your reach');
      structures = await this.tree.subtree(query.structureId);
    }
    const groupBy = query.groupBy ?? 'none';
    const asOf = parisToday(this.clock.now());
    const params = [structures, query.coachId ?? null, query.from, query.to, asOf];
    const scope = `($1::uuid[] IS NULL OR b.structure_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR b.referent_user_id = $2)`;
    // Statistical secrecy: a commune with fewer than MIN_COMMUNE_GROUP people in the scope would show
    // individual outcomes (to administrators too, who read no file); such communes are pooled.
    const shown =
      groupBy === 'commune'
        ? (
            await this.dataSource.query<Array<{ code: string }>>(
              `SELECT b.commune_insee AS code FROM beneficiary b WHERE ${scope} AND b.commune_insee IS NOT NULL
               GROUP BY 1 HAVING count(*) >= ${MIN_COMMUNE_GROUP}`,
              params.slice(0, 2),
            )
          )
            .map((row) => row.code)
            .filter((code) => INSEE_CODE.test(code))
        : [];
    const commune = (column: string): string =>
      `CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} = ANY(ARRAY[${shown.map((code) => `'${code}'`).join(', ')}]::text[])
        THEN ${column} ELSE '${SMALL_COMMUNES}' END`;
    const personDim = {
      none: 'NULL::text',
      coach: 'b.referent_user_id::text',
      structure: 'b.structure_id::text',
      commune: commune('b.commune_insee'),
      departement: 'b.home_departement',
    }[groupBy];
    const offerDim = {
      none: 'NULL::text',
      coach: 'o.posted_by::text',
      structure: 'o.structure_id::text',
      commune: commune('o.commune_insee'),
      departement: 'o.departement',
    }[groupBy];
    const paris = (column: string): string => `(${column} AT TIME ZONE 'Europe/Paris')::date`;

    const [people, responses, offers] = await Promise.all([
      this.dataSource.query<PeopleRow[]>(
        `WITH p AS (
           SELECT b.id, ${personDim} AS grp, b.orientation_date, b.status, b.exit_reason, b.ended_on,
             b.cv_deposited_on, least($4::date, coalesce(b.ended_on, $4::date)) AS ref_day
           FROM beneficiary b
           WHERE ${scope} AND b.orientation_date <= $4 AND (b.ended_on IS NULL OR b.ended_on >= $3)
         ), facts AS (
           SELECT p.grp,
             p.ended_on BETWEEN $3 AND $4 AS in_cohort,
             (p.exit_reason IN ('job', 'training', 'business_creation') OR EXISTS (
               SELECT 1 FROM placement pl WHERE pl.beneficiary_id = p.id AND pl.start_date <= p.ended_on)) AS returned,
             ${MILESTONE_FACTS},
             p.status <> 'oriented' AND NOT EXISTS (
               SELECT 1 FROM barrier br WHERE br.beneficiary_id = p.id AND ${paris('br.created_at')} <= p.ref_day
                 AND (br.resolved_at IS NULL OR ${paris('br.resolved_at')} > p.ref_day)) AS job_ready,
             p.cv_deposited_on IS NOT NULL AND p.cv_deposited_on <= p.ref_day AS cv_ok,
             pl.placements, pl.durable, pl.first_start, n.introductions, n.first_introduction, p.orientation_date
           FROM p
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE start_date BETWEEN $3 AND $4)::int AS placements,
               count(*) FILTER (WHERE start_date BETWEEN $3 AND $4 AND durable)::int AS durable,
               min(start_date) AS first_start
             FROM placement WHERE beneficiary_id = p.id) pl
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE ${paris('created_at')} BETWEEN $3 AND $4)::int AS introductions,
               min(${paris('created_at')}) AS first_introduction
             FROM introduction WHERE beneficiary_id = p.id) n
         )
         SELECT grp, count(*)::int AS followed,
           count(*) FILTER (WHERE in_cohort)::int AS cohort,
           count(*) FILTER (WHERE in_cohort AND returned)::int AS returned,
           ${MILESTONE_COUNTS},
           count(*) FILTER (WHERE job_ready)::int AS job_ready,
           count(*) FILTER (WHERE job_ready AND cv_ok)::int AS cv_ok,
           coalesce(sum(placements), 0)::int AS placements,
           coalesce(sum(durable), 0)::int AS durable,
           coalesce(sum(introductions), 0)::int AS introductions,
           count(*) FILTER (WHERE first_introduction BETWEEN $3 AND $4)::int AS intro_people,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_introduction - orientation_date)
             FILTER (WHERE first_introduction BETWEEN $3 AND $4) AS intro_days,
           count(*) FILTER (WHERE first_start BETWEEN $3 AND $4)::int AS hire_people,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_start - orientation_date)
             FILTER (WHERE first_start BETWEEN $3 AND $4) AS hire_days
         FROM facts GROUP BY grp`,
        params,
      ),
      this.dataSource.query<ResponseRow[]>(
        `SELECT grp, count(*)::int AS sent, count(answered_at)::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at) / 3600) AS median_hours
         FROM (
           SELECT ${personDim} AS grp,
             (SELECT min(l.created_at) FROM card_link l WHERE l.introduction_id = n.id) AS sent_at,
             (SELECT min(e.at) FROM introduction_event e WHERE e.introduction_id = n.id AND e.kind = 'answered') AS answered_at
           FROM introduction n JOIN beneficiary b ON b.id = n.beneficiary_id
           WHERE ${scope}
         ) x
         WHERE ${paris('sent_at')} BETWEEN $3 AND $4
         GROUP BY grp`,
        params.slice(0, 4),
      ),
      this.dataSource.query<OffersRow[]>(
        `SELECT ${offerDim} AS grp,
           count(*)::int AS offers
         FROM offer o
         WHERE o.source = $5 AND ($1::uuid[] IS NULL OR o.structure_id = ANY($1::uuid[]))
           AND ($2::uuid IS NULL OR o.posted_by = $2) AND ${paris('o.first_seen_at')} BETWEEN $3 AND $4
         GROUP BY 1`,
        [...params.slice(0, 4), MEDIATION_SOURCE],
      ),
    ]);

    const keys = new Set<string | null>([
      ...people.map((row) => row.grp),
      ...responses.map((row) => row.grp),
      ...offers.map((row) => row.grp),
    ]);
    if (groupBy === 'none') keys.add(null);
    const labels = await this.labels(
      groupBy,
      [...keys].filter((key): key is string => key !== null),
    );
    const groups = [...keys]
      .map((key) => ({
        key,
        label: key === null ? (groupBy === 'none' ? 'Ensemble' : 'Non attribué') : (labels.get(key) ?? key),
        indicators: this.values(
          people.find((row) => row.grp === key),
          responses.find((row) => row.grp === key),
          offers.find((row) => row.grp === key),
        ),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return {
      from: query.from,
      to: query.to,
      asOf,
      structureId: query.structureId ?? null,
      coachId: query.coachId ?? null,
      groupBy,
      groups,
    };
  }

  /**
   * One line per group and indicator, for spreadsheets. Group labels are names typed by users
   * (structures, coaches) or taken from the referential: the CSV writer keeps them from being formulas. French
   * conventions (`;`, decimal commas, French headers and dates, a byte order mark): it opens as is in a French Excel.
   */
  static csv(report: IndicatorsReport): string {
    const header = [
      'Du',
      'Au',
      'Groupe',
      'Code de l’indicateur',
      'Indicateur',
      'Numérateur',
      'Dénominateur',
      'Valeur',
      'Cible',
      'Cible atteinte',
      'Non renseignés',
    ];
    const lines: CsvValue[][] = [header];
    for (const group of report.groups)
      for (const indicator of group.indicators)
        lines.push([
          frenchDate(report.from),
          frenchDate(report.to),
          group.label,
          indicator.key,
          indicator.label,
          indicator.numerator,
          indicator.denominator,
          indicator.value,
          indicator.target,
          indicator.targetMet,
          indicator.unknown,
        ]);
    return frenchCsvDocument(lines);
  }

  private values(people?: PeopleRow, responses?: ResponseRow, offers?: OffersRow): IndicatorValue[] {
    const p = people;
    const round1 = (value: number | null | undefined): number | null =>
      value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
    const parts: Record<
      string,
      { numerator: number | null; denominator: number | null; value?: number | null; unknown?: number }
    > = {
      return_to_activity: { numerator: p?.returned ?? 0, denominator: p?.cohort ?? 0 },
      ...Object.fromEntries(
        milestones.map(([m]) => [
          `rsa_exit_job_${m}`,
          {
            numerator: p?.[`exit_${m}`] ?? 0,
            denominator: p?.[`due_${m}`] ?? 0,
            unknown: (p?.[`due_${m}`] ?? 0) - (p?.[`answered_${m}`] ?? 0),
          },
        ]),
      ),
      durable_jobs: { numerator: p?.durable ?? 0, denominator: p?.placements ?? 0 },
      cv_on_platform: { numerator: p?.cv_ok ?? 0, denominator: p?.job_ready ?? 0 },
      days_to_first_introduction: { numerator: null, denominator: p?.intro_people ?? 0, value: round1(p?.intro_days) },
      days_to_hire: { numerator: null, denominator: p?.hire_people ?? 0, value: round1(p?.hire_days) },
      introductions_per_person: { numerator: p?.introductions ?? 0, denominator: p?.followed ?? 0 },
      employer_response_rate: { numerator: responses?.answered ?? 0, denominator: responses?.sent ?? 0 },
      employer_response_hours: {
        numerator: null,
        denominator: responses?.answered ?? 0,
        value: round1(responses?.median_hours),
      },
      offers_captured: { numerator: offers?.offers ?? 0, denominator: null, value: offers?.offers ?? 0 },
    };
    return INDICATORS.map((definition) => {
      const part = parts[definition.key];
      const value = part.value !== undefined ? part.value : ratio(part.numerator ?? 0, part.denominator ?? 0);
      return {
        key: definition.key,
        label: definition.label,
        unit: definition.unit,
        target: definition.target,
        numerator: part.numerator,
        denominator: part.denominator,
        value,
        targetMet: definition.target === null || value === null ? null : value >= definition.target,
        ...(part.unknown !== undefined ? { unknown: part.unknown } : {}),
      };
    });
  }

  private async labels(groupBy: IndicatorGroup, ids: string[]): Promise<Map<string, string>> {
    if (groupBy === 'none' || ids.length === 0) return new Map();
    if (groupBy === 'departement') return new Map(ids.map((code) => [code, `Département ${code}`]));
    const labels = new Map<string, string>([
      [SMALL_COMMUNES, `Autres communes (moins de ${MIN_COMMUNE_GROUP} personnes chacune)`],
    ]);
    const sql = {
      coach: 'SELECT id::text, display_name AS label FROM app_user WHERE id::text = ANY($1::text[])',
      structure: 'SELECT id::text, name AS label FROM structure WHERE id::text = ANY($1::text[])',
      commune: `SELECT insee_code AS id, name || ' (' || departement || ')' AS label FROM ref_commune
                WHERE insee_code = ANY($1::text[])`,
    }[groupBy];
    const rows: Array<{ id: string; label: string }> = await this.dataSource.query(sql, [ids]);
    for (const row of rows) labels.set(row.id, row.label);
    return labels;
  }
}
