import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { SearchIndexes } from '@passerelle/core';
import { DEMO_JOBS, startDemoSources } from '@passerelle/demo';
import { IngestionModule, ManageSources, RunIngestion } from '@passerelle/ingestion';
import { MatchingModule, MatchOffers, OFFERS_INDEX, SyncOffersIndex } from '@passerelle/matching';
import { ImportReferential } from '@passerelle/referential';
import { benchEnvironment, writeResults } from '../bench/bench-env.js';
import { startAppContext } from '../support/app-context.js';
import { ndcgAt, recallAt, relevance } from './relevance.js';

/**
 * `npm run eval:matching`: profiles built from each demo occupation (a person who held that job for
 * three years, living in Lille, 60 km), run through the matcher and through a keyword search on the
 * occupation's label (what a coach would type), over the same corpus and filters. What is measured
 * is transferability: offers of the person's own occupation are left out of both rankings and of
 * the judgement (finding those is easy; finding the others is the point). Relevance comes from
 * test/eval/relevance.ts, a hand-written judgement independent of the ROME skills the matcher uses.
 * Reports nDCG@10 and recall@50 for both.
 */
async function main(): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const env = await benchEnvironment('eval');
  const demo = await startDemoSources({
    seed: 99,
    crawlDelaySeconds: 0,
    nordemploi: { count: 10 },
    jobConnexion: { count: 10 },
    franceTravail: { count: 4000, region: 'nord' },
  });
  let app: INestApplicationContext | undefined;
  try {
    app = await startAppContext(env.config, [IngestionModule, MatchingModule]);
    log('eval: importing the reference data and ingesting 4,000 demo offers');
    await app.get(ImportReferential).execute();
    await app.get(ManageSources).upsert({
      name: 'france-travail-demo',
      label: 'France Travail (démo)',
      kind: 'france_travail',
      baseUrl: demo.baseUrl,
      config: { ...demo.franceTravail, departements: ['59', '62'] },
      rateLimitPerSecond: 50,
    });
    await app.get(RunIngestion).execute('france-travail-demo', { trigger: 'cli' });
    const sync = app.get(SyncOffersIndex);
    await sync.prepare();
    await sync.execute();

    const sectorOfRome = new Map(DEMO_JOBS.map((job) => [job.romeCode, job.sector]));
    const rows: Array<{ id: string; rome_code: string | null }> = await app
      .get(DataSource)
      .query(`SELECT id, rome_code FROM offer WHERE status = 'open' AND duplicate_of IS NULL`);
    const romeOf = new Map(rows.map((row) => [row.id, row.rome_code]));
    const matcher = app.get(MatchOffers);
    const index = app.get(Meilisearch).index(app.get(SearchIndexes).uid(OFFERS_INDEX.name));
    const profiles = [...new Map(DEMO_JOBS.map((job) => [job.romeCode, job])).values()];
    const filter = ['_geoRadius(50.6311, 3.0468, 60000)'];
    const results: Array<{
      rome: string;
      sector: string;
      matcher: { ndcg10: number; recall50: number };
      keyword: { ndcg10: number; recall50: number };
    }> = [];
    for (const job of profiles) {
      const grade = (id: string): number => {
        const sector = sectorOfRome.get(romeOf.get(id) ?? '');
        return sector ? relevance(job.sector, sector) : 0;
      };
      const others = (id: string): boolean => romeOf.get(id) !== job.romeCode;
      const allGrades = rows.filter((row) => others(row.id)).map((row) => grade(row.id));
      const matched = await matcher.execute(
        {
          experiences: [{ romeCode: job.romeCode, months: 36 }],
          skills: [],
          commune: { inseeCode: '59350' },
          maxDistanceKm: 60,
          drivingLicence: true,
          contractTypes: ['cdi', 'cdd', 'interim', 'alternance', 'saisonnier', 'pmsmp', 'independant', 'other'],
          workingTime: 'any',
        },
        {},
        { limit: 50, offset: 0 },
        job.romeCode,
      );
      const keyword = await index.search(job.romeLabel, {
        filter: [...filter, `romeCode != "${job.romeCode}"`],
        limit: 50,
        attributesToRetrieve: ['id'],
      });
      const matcherGrades = matched.items.map((item) => grade(item.id));
      const keywordGrades = keyword.hits.map((hit) => grade(String(hit.id)));
      results.push({
        rome: job.romeCode,
        sector: job.sector,
        matcher: { ndcg10: ndcgAt(10, matcherGrades, allGrades), recall50: recallAt(50, matcherGrades, allGrades) },
        keyword: { ndcg10: ndcgAt(10, keywordGrades, allGrades), recall50: recallAt(50, keywordGrades, allGrades) },
      });
    }
    const mean = (pick: (r: (typeof results)[number]) => number): number =>
      Math.round((results.reduce((s, r) => s + pick(r), 0) / results.length) * 1000) / 1000;
    const summary = {
      profiles: results.length,
      offers: rows.length,
      matcher: { ndcg10: mean((r) => r.matcher.ndcg10), recall50: mean((r) => r.matcher.recall50) },
      keywordBaseline: { ndcg10: mean((r) => r.keyword.ndcg10), recall50: mean((r) => r.keyword.recall50) },
    };
    const file = await writeResults('matching-eval', { measuredAt: new Date().toISOString(), summary, results });
    process.stdout.write(
      [
        '',
        `matching evaluation: ${summary.profiles} profiles over ${summary.offers} offers (relevance: test/eval/relevance.ts)`,
        `  matcher           nDCG@10 ${summary.matcher.ndcg10}   recall@50 ${summary.matcher.recall50}`,
        `  keyword baseline  nDCG@10 ${summary.keywordBaseline.ndcg10}   recall@50 ${summary.keywordBaseline.recall50}`,
        `results: ${file}`,
        '',
      ].join('\n'),
    );
  } finally {
    await app?.close();
    await demo.close();
    await env.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
