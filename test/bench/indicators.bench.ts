import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { StructureTree } from '@passerelle/identity';
import { ComputeIndicators, SqlIndicatorStore } from '@passerelle/outcomes';
import { benchEnvironment } from './bench-env.js';

export interface IndicatorsBenchResult {
  readonly beneficiaries: number;
  readonly events: number;
  readonly seedSeconds: number;
  readonly runs: number;
  readonly structure: { readonly p50Ms: number; readonly maxMs: number };
  readonly byCoach: { readonly p50Ms: number; readonly maxMs: number };
  /** Split by territory: the home commune (eight communes of the Nord). */
  readonly byCommune: { readonly p50Ms: number; readonly maxMs: number };
  /** One aggregate scan of the same people, events and placements: what any report costs at least. */
  readonly baseline: { readonly p50Ms: number };
  readonly ratioToBaseline: number;
  readonly targetMs: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
};

/**
 * Indicators over a département of `people` beneficiaries (five local offices, fifty coaches, two
 * years of orientations) and about ten events per person (journal entries, introduction events),
 * with placements, checkpoints, introductions and links in proportion. Timed through the real use
 * case over a connection pool, against a baseline scan of the same tables.
 */
export async function indicatorsBench(people: number, log: (line: string) => void): Promise<IndicatorsBenchResult> {
  const env = await benchEnvironment('indicators');
  const pool = new pg.Pool({ connectionString: env.config.database.url.toString(), max: 4 });
  try {
    const seedStart = performance.now();
    log(`indicators bench: seeding ${people} beneficiaries`);
    const [{ id: departement }] = (
      await pool.query(`INSERT INTO structure (name, kind) VALUES ('Département', 'departement') RETURNING id`)
    ).rows as Array<{ id: string }>;
    await pool.query(
      `INSERT INTO structure (name, kind, parent_id) SELECT 'UT ' || i, 'local_office', $1 FROM generate_series(1, 5) i`,
      [departement],
    );
    await pool.query(
      `INSERT INTO app_user (email, display_name, structure_id, roles)
       SELECT 'coach' || i || '@bench.passerelle.fr', 'Coach ' || i,
         (SELECT id FROM structure WHERE parent_id = $1 ORDER BY name OFFSET (i % 5) LIMIT 1), '{coach}'
       FROM generate_series(1, 50) i`,
      [departement],
    );
    // People: oriented over two years; 60 % ended (a third of those to a job), 5 % reoriented.
    await pool.query(
      `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, orientation_date, status, exit_reason,
         ended_on, cv_platform, cv_deposited_on, commune_insee)
       SELECT u.structure_id, u.id, 'P' || i, o.orientation, s.status,
         CASE WHEN s.status = 'ended' THEN (ARRAY['job', 'job', 'training', 'other', 'moved', 'no_contact'])[1 + i % 6] END,
         CASE WHEN s.status IN ('ended', 'reoriented') THEN least(o.orientation + 90 + (i % 120), DATE '2026-11-20') END,
         CASE WHEN i % 3 > 0 THEN 'nordemploi' END, CASE WHEN i % 3 > 0 THEN o.orientation + 20 END,
         (ARRAY['59350', '59512', '59599', '59178', '59183', '59009', '59606', '59392'])[1 + i % 8]
       FROM generate_series(1, $1) i
       JOIN LATERAL (SELECT id, structure_id FROM app_user WHERE email = 'coach' || (1 + i % 50) || '@bench.passerelle.fr') u ON true
       CROSS JOIN LATERAL (SELECT DATE '2024-11-01' + (i * 7919 % 700) AS orientation) o
       CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN 'reoriented' WHEN i % 5 < 3 THEN 'ended' ELSE 'in_coaching' END
         AS status) s`,
      [people],
    );
    const [{ count: inserted }] = (await pool.query('SELECT count(*)::int AS count FROM beneficiary')).rows as Array<{
      count: number;
    }>;
    const author = ((await pool.query(`SELECT id FROM app_user LIMIT 1`)).rows as Array<{ id: string }>)[0].id;
    // Seven journal entries per person.
    await pool.query(
      `INSERT INTO coaching_event (beneficiary_id, kind, occurred_on, author_id)
       SELECT b.id, (ARRAY['meeting', 'call', 'email', 'workshop', 'application', 'cv_work', 'meeting'])[k],
         b.orientation_date + k * 9, $1
       FROM beneficiary b CROSS JOIN generate_series(1, 7) k`,
      [author],
    );
    await pool.query(
      `INSERT INTO barrier (beneficiary_id, kind, status, created_at, resolved_at)
       SELECT b.id, 'mobility', CASE WHEN row_number() OVER () % 2 = 0 THEN 'resolved' ELSE 'identified' END,
         b.orientation_date + 5, CASE WHEN row_number() OVER () % 2 = 0 THEN b.orientation_date + 60 END
       FROM beneficiary b WHERE b.first_name LIKE '%3' OR b.first_name LIKE '%7'`,
    );
    const [{ id: employer }] = (
      await pool.query(
        `INSERT INTO employer (structure_id, name, commune_insee, commune_name, created_by)
         VALUES ($1, 'Employeur', '59350', 'Lille', $2) RETURNING id`,
        [departement, author],
      )
    ).rows as Array<{ id: string }>;
    // Introductions for four people in five, with a link, and events (two to four each).
    await pool.query(
      `INSERT INTO introduction (beneficiary_id, employer_id, structure_id, status, created_by, created_at)
       SELECT b.id, $1, $2, 'card_sent', $3, (b.orientation_date + 30)::timestamptz
       FROM beneficiary b WHERE b.first_name NOT LIKE '%5'`,
      [employer, departement, author],
    );
    await pool.query(
      `INSERT INTO card_link (introduction_id, token_hash, expires_at, created_by, created_at)
       SELECT n.id, md5(n.id::text), n.created_at + interval '30 days', $1, n.created_at + interval '1 hour'
       FROM introduction n`,
      [author],
    );
    await pool.query(
      `INSERT INTO introduction_event (introduction_id, kind, to_status, actor_kind, at)
       SELECT n.id, CASE WHEN k = 4 THEN 'answered' ELSE 'transition' END, 'card_sent',
         CASE WHEN k = 4 THEN 'employer' ELSE 'user' END, n.created_at + k * interval '20 hours'
       FROM introduction n CROSS JOIN generate_series(1, 4) k
       WHERE k < 4 OR right(n.id::text, 1) < '8'`,
    );
    await pool.query(
      `INSERT INTO placement (beneficiary_id, employer_name, found_by, contract_type, contract_months, start_date,
         durable, created_by)
       SELECT b.id, 'Employeur', 'coach', CASE WHEN b.first_name LIKE '%2' THEN 'cdd' ELSE 'cdi' END,
         CASE WHEN b.first_name LIKE '%2' THEN 4 END, b.ended_on - 10, b.first_name NOT LIKE '%2', $1
       FROM beneficiary b WHERE b.exit_reason = 'job'`,
      [author],
    );
    await pool.query(
      `INSERT INTO follow_up (beneficiary_id, kind, milestone, due_on, assignee_user_id, answered_at, in_job, rsa_exit)
       SELECT b.id, 'coaching_end', m.milestone, b.ended_on + m.months * 30, b.referent_user_id,
         now(), b.exit_reason = 'job', b.exit_reason = 'job' AND m.months < 6
       FROM beneficiary b CROSS JOIN (VALUES ('m1', 1), ('m3', 3), ('m6', 6)) m (milestone, months)
       WHERE b.status = 'ended'`,
    );
    await pool.query('ANALYZE');
    const events = (
      (
        await pool.query(
          'SELECT (SELECT count(*) FROM coaching_event) + (SELECT count(*) FROM introduction_event) AS n',
        )
      ).rows as Array<{ n: string }>
    )[0].n;
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    log(`indicators bench: ${inserted} beneficiaries, ${events} events seeded in ${seedSeconds} s`);

    const dataSource = {
      manager: {
        query: async (sql: string, params?: unknown[]): Promise<unknown[]> =>
          (await pool.query(sql, params)).rows as unknown[],
      },
    } as unknown as DataSource;
    const structures = ((await pool.query('SELECT id FROM structure')).rows as Array<{ id: string }>).map((r) => r.id);
    const tree = {
      reach: () => Promise.resolve({ scope: 'structure_tree', structureIds: structures }),
      subtree: () => Promise.resolve(structures),
    } as unknown as StructureTree;
    const clock = new Clock();
    clock.set(new Date('2026-11-25T12:00:00Z'));
    const indicators = new ComputeIndicators(dataSource, tree, clock, new SqlIndicatorStore());
    const manager = { userId: author, structureId: departement, roles: ['manager' as const] };
    const query = { from: '2025-01-01', to: '2025-12-31', structureId: departement };

    const time = async (run: () => Promise<unknown>, runs: number): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      return samples;
    };
    const runs = 10;
    await time(() => indicators.execute(manager, query), 2); // warm-up
    const structure = await time(() => indicators.execute(manager, query), runs);
    const byCoach = await time(() => indicators.execute(manager, { ...query, groupBy: 'coach' }), runs);
    const byCommune = await time(() => indicators.execute(manager, { ...query, groupBy: 'commune' }), runs);
    const baseline = await time(
      () =>
        pool.query(
          `SELECT b.status, count(*), count(p.id), sum(e.n) FROM beneficiary b
           LEFT JOIN placement p ON p.beneficiary_id = b.id
           LEFT JOIN LATERAL (SELECT count(*) AS n FROM coaching_event c WHERE c.beneficiary_id = b.id) e ON true
           WHERE b.structure_id = ANY($1::uuid[]) GROUP BY b.status`,
          [structures],
        ),
      runs,
    );
    const result: IndicatorsBenchResult = {
      beneficiaries: inserted,
      events: Number(events),
      seedSeconds,
      runs,
      structure: { p50Ms: percentile(structure, 50), maxMs: percentile(structure, 100) },
      byCoach: { p50Ms: percentile(byCoach, 50), maxMs: percentile(byCoach, 100) },
      byCommune: { p50Ms: percentile(byCommune, 50), maxMs: percentile(byCommune, 100) },
      baseline: { p50Ms: percentile(baseline, 50) },
      ratioToBaseline: Math.round((percentile(structure, 50) / percentile(baseline, 50)) * 100) / 100,
      targetMs: 1000,
    };
    return result;
  } finally {
    await pool.end();
    await env.close();
  }
}
