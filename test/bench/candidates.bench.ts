import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { SearchIndexes } from '@passerelle/core';
import { DEMO_JOBS } from '@passerelle/demo';
import { ManageSources, RunIngestion } from '@passerelle/ingestion';
import { OFFERS_INDEX, SyncOffersIndex } from '@passerelle/matching';
import { ListOfferCandidates } from '@passerelle/mediation';
import { ImportReferential } from '@passerelle/referential';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { benchEnvironment } from './bench-env.js';
import { franceTravailSource, startRemoteDemo } from './remote-demo.js';

export interface CandidatesBenchResult {
  readonly offersIndexed: number;
  readonly people: number;
  readonly runs: number;
  /** `GET /offers/:id/candidates` through its use case: everyone scored, the best 20 kept. */
  readonly candidates: { readonly p50Ms: number; readonly maxMs: number };
  readonly ranked: { readonly min: number; readonly max: number };
  /** As many one-document searches for the offer, in the same batches, straight to Meilisearch. */
  readonly baseline: { readonly p50Ms: number };
  readonly ratioToBaseline: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

const NORD_COMMUNES = ['59350', '59512', '59599', '59178', '59183', '59009', '59606', '59392'];

/**
 * Reverse matching at a département's scale: `people` in coaching (forty coaches' portfolios) with
 * their diagnostics, an index of `offers` demo offers, and the candidates for ten offers of the Nord
 * ranked by the matcher; next to the same number of one-document Meilisearch searches sent in the
 * same batches (two in flight, like the use case), which is the floor of any design that asks the
 * engine once per person.
 */
export async function candidatesBench(
  offers: number,
  people: number,
  log: (line: string) => void,
): Promise<CandidatesBenchResult> {
  const env = await benchEnvironment('candidates');
  const demo = await startRemoteDemo(offers);
  let app: INestApplicationContext | undefined;
  try {
    app = await createApiApp(env.config, { service: 'bench', extraModules: [] });
    log('bench candidates: reference data');
    await app.get(ImportReferential).execute();
    await app.get(ManageSources).upsert(franceTravailSource(demo));
    log(`bench candidates: ingesting and indexing ${offers} offers`);
    await app.get(RunIngestion).execute('france-travail-demo', { trigger: 'cli' });
    const sync = app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();

    log(`bench candidates: seeding ${people} people with their diagnostics`);
    const db = app.get(DataSource);
    const { departement, mediator, targets } = await seedPortfolios(db, people);
    const actor = { userId: mediator, structureId: departement, roles: ['platform_staff' as const] };
    const candidates = app.get(ListOfferCandidates);

    const runs = targets.length;
    log(`bench candidates: candidates for ${runs} offers among ${people} people`);
    await candidates.execute(actor, targets[0].id, 20); // warm-up: skill space, referential, connections
    const timings: number[] = [];
    const counts: number[] = [];
    for (const { id } of targets) {
      const started = performance.now();
      const result = await candidates.execute(actor, id, 20);
      timings.push(performance.now() - started);
      counts.push(result.items.length);
    }

    const meili = app.get(Meilisearch);
    const uid = app.get(SearchIndexes).uid(OFFERS_INDEX.name);
    const baseline: number[] = [];
    for (const { id } of targets) {
      const started = performance.now();
      const sizes: number[] = [];
      for (let start = 0; start < people; start += 50) sizes.push(Math.min(50, people - start));
      // Two batches in flight, as the use case sends them.
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < sizes.length) {
          const size = sizes[next];
          next += 1;
          await meili.multiSearch({
            queries: Array.from({ length: size }, () => ({
              indexUid: uid,
              q: null,
              filter: [`id = "${id}"`],
              limit: 1,
            })),
          });
        }
      };
      await Promise.all([worker(), worker()]);
      baseline.push(performance.now() - started);
    }
    const [{ count: indexed }] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM offer WHERE status = 'open'`,
    );
    return {
      offersIndexed: indexed,
      people,
      runs,
      candidates: { p50Ms: percentile(timings, 50), maxMs: percentile(timings, 100) },
      ranked: { min: Math.min(...counts), max: Math.max(...counts) },
      baseline: { p50Ms: percentile(baseline, 50) },
      ratioToBaseline: Math.round((percentile(timings, 50) / percentile(baseline, 50)) * 100) / 100,
    };
  } finally {
    await app?.close();
    demo.close();
    await env.close();
  }
}

/**
 * `people` in coaching in one département's structure (forty coaches' portfolios, Nord communes, a
 * past occupation and a target among the demo jobs), a platform staff member, and ten open offers
 * of the Nord to ask candidates for.
 */
export async function seedPortfolios(
  db: DataSource,
  people: number,
): Promise<{ departement: string; mediator: string; targets: Array<{ id: string }> }> {
  const [{ id: departement }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO structure (name, kind) VALUES ('Département du Nord', 'departement') RETURNING id`,
  );
  await db.query(
    `INSERT INTO app_user (email, display_name, structure_id, roles)
     SELECT 'coach' || i || '@bench.passerelle.fr', 'Coach ' || i, $1, '{coach}' FROM generate_series(1, 40) i`,
    [departement],
  );
  const [{ id: mediator }] = await db.query<Array<{ id: string }>>(
    `INSERT INTO app_user (email, display_name, structure_id, roles)
     VALUES ('mediation@bench.passerelle.fr', 'Médiation', $1, '{platform_staff}') RETURNING id`,
    [departement],
  );
  const jobs = [...new Set(DEMO_JOBS.map((job) => job.romeCode))];
  await db.query(
    `WITH people AS (
       INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, orientation_date, status,
         commune_insee)
       SELECT $1, u.id, 'P' || i, 'Bench', CURRENT_DATE - 30, 'in_coaching', ($2::text[])[1 + i % cardinality($2::text[])]
       FROM generate_series(1, $3) i
       JOIN LATERAL (SELECT id FROM app_user WHERE email = 'coach' || (1 + i % 40) || '@bench.passerelle.fr') u ON true
       RETURNING id, first_name
     )
     INSERT INTO diagnostic (beneficiary_id, experiences, desired_occupations, driving_licence, max_distance_km,
       contract_types, working_time, updated_by)
     SELECT p.id,
       jsonb_build_array(jsonb_build_object('romeCode', ($4::text[])[1 + n % cardinality($4::text[])], 'months', 12 + n % 60)),
       ARRAY[($4::text[])[1 + (n * 7) % cardinality($4::text[])]], n % 3 <> 0, 15 + (n % 4) * 10,
       CASE WHEN n % 2 = 0 THEN ARRAY['cdi', 'cdd', 'interim'] ELSE ARRAY['cdi', 'cdd'] END, 'any', $5
     FROM people p CROSS JOIN LATERAL (SELECT substr(p.first_name, 2)::int AS n) x`,
    [departement, NORD_COMMUNES, people, jobs, mediator],
  );
  // The tables' statistics as autovacuum would have them a minute later, and as a running
  // installation has them: planned on the empty tables' estimates, the pool read walks the diagnostics
  // by index once per person (about 15 ms for 1,600 at a load of 10) instead of one hash join (2 ms).
  await db.query('ANALYZE beneficiary, diagnostic');
  const targets = await db.query<Array<{ id: string }>>(
    `SELECT id FROM offer WHERE departement = '59' AND status = 'open' ORDER BY id LIMIT 10`,
  );
  if (targets.length === 0) throw new Error('no open offer in the Nord to ask candidates for');
  return { departement, mediator, targets };
}
