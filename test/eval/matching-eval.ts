import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { SearchIndexes } from '@passerelle/core';
import { DEMO_JOBS, startDemoSources } from '@passerelle/demo';
import { IngestionModule, ManageSources, RunIngestion } from '@passerelle/ingestion';
import { MatchingModule, MatchOffers, OFFERS_INDEX, ReindexOffers, SyncOffersIndex } from '@passerelle/matching';
import { ImportReferential, ReferentialIndex } from '@passerelle/referential';
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
 * Reports nDCG@10 and recall@50 for both, overall and per ROME family (the profile occupation's
 * letter), twice: on the offers as the France Travail source tags them (ROME code, job title,
 * skills), then on the same offers stripped of those, as an HTML board serves them (occupation read
 * from title and description, skills from the description), reindexed. Offers of the person's own
 * occupation (France Travail's code) are left out of both modes.
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
    const dataSource = app.get(DataSource);
    const rows: Array<{ id: string; rome_code: string | null; title: string; description: string }> =
      await dataSource.query(
        `SELECT id, rome_code, title, description FROM offer WHERE status = 'open' AND duplicate_of IS NULL`,
      );
    // France Travail's code, kept for judging and for leaving out the person's own occupation.
    const romeOf = new Map(rows.map((row) => [row.id, row.rome_code]));
    const matcher = app.get(MatchOffers);
    const index = app.get(Meilisearch).index(app.get(SearchIndexes).uid(OFFERS_INDEX.name));
    const profiles = [...new Map(DEMO_JOBS.map((job) => [job.romeCode, job])).values()];
    const filter = ['_geoRadius(50.6311, 3.0468, 60000)'];
    type Scores = { ndcg10: number; recall50: number };
    type Result = { rome: string; family: string; sector: string; matcher: Scores; keyword: Scores };

    const measure = async (): Promise<Result[]> => {
      const results: Result[] = [];
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
          { limit: 200, offset: 0 },
        );
        const keyword = await index.search(job.romeLabel, { filter, limit: 200, attributesToRetrieve: ['id'] });
        const matcherGrades = matched.items
          .filter((item) => others(item.id))
          .slice(0, 50)
          .map((item) => grade(item.id));
        const keywordGrades = keyword.hits
          .map((hit) => String(hit.id))
          .filter(others)
          .slice(0, 50)
          .map(grade);
        results.push({
          rome: job.romeCode,
          family: job.romeCode.charAt(0),
          sector: job.sector,
          matcher: { ndcg10: ndcgAt(10, matcherGrades, allGrades), recall50: recallAt(50, matcherGrades, allGrades) },
          keyword: { ndcg10: ndcgAt(10, keywordGrades, allGrades), recall50: recallAt(50, keywordGrades, allGrades) },
        });
      }
      return results;
    };
    const round = (value: number): number => Math.round(value * 1000) / 1000;
    const summarise = (results: readonly Result[]) => {
      const mean = (of: readonly Result[], pick: (r: Result) => number): number =>
        round(of.reduce((sum, r) => sum + pick(r), 0) / Math.max(1, of.length));
      const block = (of: readonly Result[]) => ({
        profiles: of.length,
        matcher: { ndcg10: mean(of, (r) => r.matcher.ndcg10), recall50: mean(of, (r) => r.matcher.recall50) },
        keywordBaseline: { ndcg10: mean(of, (r) => r.keyword.ndcg10), recall50: mean(of, (r) => r.keyword.recall50) },
      });
      const families = [...new Set(results.map((r) => r.family))].sort();
      return {
        all: block(results),
        byFamily: Object.fromEntries(
          families.map((family) => [family, block(results.filter((r) => r.family === family))]),
        ),
      };
    };

    log('eval: measuring on the offers as tagged by France Travail');
    const tagged = await measure();

    log('eval: stripping ROME code, job title and skills, reading them from the text, reindexing');
    const referential = app.get(ReferentialIndex);
    await referential.load();
    let readOccupations = 0;
    for (const row of rows) {
      const found = referential.classifyOccupation(row.title, row.description);
      if (found) readOccupations += 1;
      await dataSource.query(
        `UPDATE offer SET rome_code = $2, rome_label = $3, rome_inferred = true, appellation = NULL, skills = '{}'
          WHERE id = $1`,
        [row.id, found?.codeRome ?? null, found?.label ?? null],
      );
    }
    const sameCode = rows.filter(
      (row) => referential.classifyOccupation(row.title, row.description)?.codeRome === row.rome_code,
    ).length;
    await app.get(ReindexOffers).execute();
    const stripped = await measure();

    const summary = {
      offers: rows.length,
      tagged: summarise(tagged),
      stripped: { ...summarise(stripped), occupationRead: readOccupations, sameCodeAsFranceTravail: sameCode },
    };
    const file = await writeResults('matching-eval', {
      measuredAt: new Date().toISOString(),
      summary,
      results: { tagged, stripped },
    });
    const line = (label: string, block: ReturnType<typeof summarise>['all']): string =>
      `  ${label.padEnd(22)} matcher nDCG@10 ${block.matcher.ndcg10.toFixed(3)} recall@50 ${block.matcher.recall50.toFixed(3)}   keyword nDCG@10 ${block.keywordBaseline.ndcg10.toFixed(3)} recall@50 ${block.keywordBaseline.recall50.toFixed(3)}   (${block.profiles} profiles)`;
    const out = ['', `matching evaluation over ${rows.length} offers (relevance: test/eval/relevance.ts)`];
    for (const [mode, block] of [
      ['tagged', summary.tagged],
      ['stripped', summary.stripped],
    ] as const) {
      out.push(line(`${mode}, all`, block.all));
      for (const [family, byFamily] of Object.entries(block.byFamily))
        out.push(line(`${mode}, family ${family}`, byFamily));
    }
    out.push(
      `  stripped offers: occupation read for ${readOccupations}, same code as France Travail for ${sameCode}`,
      `results: ${file}`,
      '',
    );
    process.stdout.write(out.join('\n'));
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
