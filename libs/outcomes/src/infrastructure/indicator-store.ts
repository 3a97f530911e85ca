import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MEDIATION_SOURCE } from '@passerelle/mediation';
import { type Milestone, MILESTONES } from '../domain/outcomes.js';
import {
  type IndicatorScope,
  IndicatorStore,
  type OffersRow,
  type PeopleRow,
  type ResponseRow,
} from '../application/ports/indicator-store.js';

const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

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

/** The indicators' facts, counted by SQL from the records on every call (no counters), per group. */
@Injectable()
export class SqlIndicatorStore extends IndicatorStore {
  async facts(
    manager: EntityManager,
    report: IndicatorScope,
  ): Promise<{ people: PeopleRow[]; responses: ResponseRow[]; offers: OffersRow[] }> {
    const { groupBy } = report;
    const structures = report.structures === null ? null : [...report.structures];
    const params = [structures, report.coachId, report.from, report.to, report.asOf];
    const scope = `($1::uuid[] IS NULL OR b.structure_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR b.referent_user_id = $2)`;
    // Statistical secrecy: a commune with fewer than MIN_COMMUNE_GROUP people in the scope would show
    // individual outcomes (to administrators too, who read no file); such communes are pooled.
    const shown =
      groupBy === 'commune'
        ? (
            await manager.query<Array<{ code: string }>>(
              `SELECT b.commune_insee AS code FROM coaching_beneficiary_v b WHERE ${scope} AND b.commune_insee IS NOT NULL
               GROUP BY 1 HAVING count(*) >= ${report.minCommuneGroup}`,
              params.slice(0, 2),
            )
          )
            .map((row) => row.code)
            .filter((code) => INSEE_CODE.test(code))
        : [];
    const commune = (column: string): string =>
      `CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} = ANY(ARRAY[${shown.map((code) => `'${code}'`).join(', ')}]::text[])
        THEN ${column} ELSE '${report.smallCommunes}' END`;
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
      manager.query<PeopleRow[]>(
        `WITH RECURSIVE up AS (
           SELECT s.id AS structure_id, s.id AS at_id, s.parent_id, 0 AS depth FROM identity_structure_v s
           UNION ALL
           SELECT up.structure_id, s.id, s.parent_id, up.depth + 1 FROM up JOIN identity_structure_v s ON s.id = up.parent_id
         ), effective_rhythm AS (
           SELECT DISTINCT ON (up.structure_id) up.structure_id, r.contacts, r.period_days
           FROM up JOIN coaching_contact_rhythm_v r ON r.structure_id = up.at_id ORDER BY up.structure_id, up.depth
         ), p AS (
           SELECT b.id, b.structure_id, ${personDim} AS grp, b.orientation_date, b.status, b.exit_reason, b.ended_on,
             b.cv_deposited_on, least($4::date, coalesce(b.ended_on, $4::date)) AS ref_day
           FROM coaching_beneficiary_v b
           WHERE ${scope} AND b.orientation_date <= $4 AND (b.ended_on IS NULL OR b.ended_on >= $3)
         ), facts AS (
           SELECT p.grp,
             p.ended_on BETWEEN $3 AND $4 AS in_cohort,
             (p.exit_reason IN ('job', 'training', 'business_creation') OR EXISTS (
               SELECT 1 FROM placement pl WHERE pl.beneficiary_id = p.id AND pl.start_date <= p.ended_on)) AS returned,
             ${MILESTONE_FACTS},
             p.status <> 'oriented' AND NOT EXISTS (
               SELECT 1 FROM coaching_barrier_v br WHERE br.beneficiary_id = p.id AND ${paris('br.created_at')} <= p.ref_day
                 AND (br.resolved_at IS NULL OR ${paris('br.resolved_at')} > p.ref_day)) AS job_ready,
             p.cv_deposited_on IS NOT NULL AND p.cv_deposited_on <= p.ref_day AS cv_ok,
             pl.placements, pl.durable, pl.first_start, n.introductions, n.first_introduction, p.orientation_date,
             rh.contacts IS NOT NULL AND (p.ended_on IS NULL OR p.ended_on > $4) AS rhythm_due,
             (SELECT count(*) FROM coaching_contact_v c WHERE c.beneficiary_id = p.id
               AND c.occurred_on > $4::date - rh.period_days AND c.occurred_on <= $4)
               >= floor(rh.contacts * least(rh.period_days, $4::date - p.orientation_date + 1)::numeric / rh.period_days)
               AS rhythm_ok,
             att.recorded AS attendance_recorded, att.absent AS attendance_absent, att.unknown AS attendance_unknown
           FROM p
           LEFT JOIN effective_rhythm rh ON rh.structure_id = p.structure_id
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE start_date BETWEEN $3 AND $4)::int AS placements,
               count(*) FILTER (WHERE start_date BETWEEN $3 AND $4 AND durable)::int AS durable,
               min(start_date) AS first_start
             FROM placement WHERE beneficiary_id = p.id) pl
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE ${paris('created_at')} BETWEEN $3 AND $4)::int AS introductions,
               min(${paris('created_at')}) AS first_introduction
             FROM mediation_introduction_v WHERE beneficiary_id = p.id) n
           CROSS JOIN LATERAL (
             SELECT count(attendance)::int AS recorded,
               count(*) FILTER (WHERE attendance = 'absent')::int AS absent,
               count(*) FILTER (WHERE attendance IS NULL AND ${paris('starts_at')} <= $5)::int AS unknown
             FROM coaching_attendance_v WHERE beneficiary_id = p.id AND ${paris('starts_at')} BETWEEN $3 AND $4) att
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
             FILTER (WHERE first_start BETWEEN $3 AND $4) AS hire_days,
           count(*) FILTER (WHERE rhythm_due)::int AS rhythm_people,
           count(*) FILTER (WHERE rhythm_due AND rhythm_ok)::int AS rhythm_at_target,
           coalesce(sum(attendance_recorded), 0)::int AS attendance_recorded,
           coalesce(sum(attendance_absent), 0)::int AS attendance_absent,
           coalesce(sum(attendance_unknown), 0)::int AS attendance_unknown
         FROM facts GROUP BY grp`,
        params,
      ),
      manager.query<ResponseRow[]>(
        `SELECT grp, count(*)::int AS sent, count(answered_at)::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at) / 3600) AS median_hours
         FROM (
           SELECT ${personDim} AS grp, n.card_sent_at AS sent_at, n.answered_at
           FROM mediation_introduction_v n JOIN coaching_beneficiary_v b ON b.id = n.beneficiary_id
           WHERE ${scope}
         ) x
         WHERE ${paris('sent_at')} BETWEEN $3 AND $4
         GROUP BY grp`,
        params.slice(0, 4),
      ),
      manager.query<OffersRow[]>(
        `SELECT ${offerDim} AS grp,
           count(*)::int AS offers
         FROM offers_offer_v o
         WHERE o.source = $5 AND ($1::uuid[] IS NULL OR o.structure_id = ANY($1::uuid[]))
           AND ($2::uuid IS NULL OR o.posted_by = $2) AND ${paris('o.first_seen_at')} BETWEEN $3 AND $4
         GROUP BY 1`,
        [...params.slice(0, 4), MEDIATION_SOURCE],
      ),
    ]);

    return { people, responses, offers };
  }

  /** The names of the groups' ids: coaches, structures or communes. */
  async labels(
    manager: EntityManager,
    groupBy: 'coach' | 'structure' | 'commune',
    ids: readonly string[],
  ): Promise<Array<{ id: string; label: string }>> {
    const sql = {
      coach: 'SELECT id::text, display_name AS label FROM identity_user_v WHERE id::text = ANY($1::text[])',
      structure: 'SELECT id::text, name AS label FROM identity_structure_v WHERE id::text = ANY($1::text[])',
      commune: `SELECT insee_code AS id, name || ' (' || departement || ')' AS label FROM referential_commune_v
                WHERE insee_code = ANY($1::text[])`,
    }[groupBy];
    return manager.query(sql, [[...ids]]);
  }
}
